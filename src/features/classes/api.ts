import type { ClassSearchQuery, ClassSearchResult, MessageTemplates, MySignUps, ParentingClassDetail, SignUp, SignUpInput } from '../../../types/classes'
import { apiBaseURL, http } from '../../services/http'

const seg = encodeURIComponent

export async function searchClasses(query: ClassSearchQuery): Promise<ClassSearchResult> {
  const { data } = await http.get<ClassSearchResult>('/classes', { params: query })
  return data
}

/** Public; with a session the answer carries the parent's own sign-up (and the join link of an online class). */
export async function getClass(id: string): Promise<ParentingClassDetail> {
  const { data } = await http.get<ParentingClassDetail>(`/classes/${seg(id)}`)
  return data
}

export async function getMessageTemplates(): Promise<MessageTemplates> {
  const { data } = await http.get<MessageTemplates>('/classes/message-templates', { skipAuth: true })
  return data
}

export async function signUp(classId: string, input: SignUpInput): Promise<SignUp> {
  const { data } = await http.post<SignUp>(`/classes/${seg(classId)}/sign-ups`, input)
  return data
}

export async function listMySignUps(): Promise<MySignUps> {
  const { data } = await http.get<MySignUps>('/sign-ups')
  return data
}

export async function cancelSignUp(id: string): Promise<SignUp> {
  const { data } = await http.post<SignUp>(`/sign-ups/${seg(id)}/cancel`)
  return data
}

/** The .ics file of a class (H5 downloads it for 添加到日历). */
export function calendarUrl(classId: string): string {
  return `${apiBaseURL}/classes/${seg(classId)}/calendar.ics`
}
