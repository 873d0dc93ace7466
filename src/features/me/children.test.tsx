import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import dayjs from 'dayjs'
import { childOf, meFixture, meWithoutConsentsFixture } from '../../../mock/fixtures/app/account'
import { answer } from '../../../test/support/answers'
import { recordRequests, signedInParent } from '../../../test/support/app-session'
import MePage from '../../pages/me'
import { ChildEditor } from './components/child-editor'
import { getQueryData } from '../../services/server-data'
import { childrenQuery } from './queries'

const monthsAgo = (months: number) => dayjs().subtract(months, 'month').format('YYYY-MM')

/** A parent who has not agreed yet: /me says so until the consents are posted. */
function withoutConsents() {
  signedInParent()
  answer('get', '/me', meWithoutConsentsFixture(), meFixture())
}

function fillChild(nickname: string, birthMonth: string) {
  fireEvent.change(screen.getByPlaceholderText('小名'), { target: { value: nickname } })
  fireEvent.change(screen.getByPlaceholderText('出生年月（如 2025-09）'), { target: { value: birthMonth } })
}

// Favourites merge at sign-in too (tested in the favourites feature); here only what touches children and consents.
const writes = (requests: ReturnType<typeof recordRequests>) => requests.filter((r) => r.method !== 'GET' && /^\/me\/(children|consents)/.test(r.path))

describe('guardian consent before the first child', () => {
  it('asks for separate consent before anything is sent; refusing collects nothing and says the finder still works', async () => {
    withoutConsents()
    const requests = recordRequests()
    const onDone = jest.fn()
    render(<ChildEditor onDone={onDone} onViewPolicy={jest.fn()} />)

    fillChild('小明', monthsAgo(14))
    fireEvent.click(screen.getByText('保存'))

    const sheet = await screen.findByRole('dialog', { name: '监护人单独同意' })
    expect(within(sheet).getByText(/敏感个人信息/)).toBeTruthy()
    expect(within(sheet).getByText('查看《隐私政策》')).toBeTruthy()
    expect(within(sheet).getByText(/同时同意《隐私政策》/)).toBeTruthy()
    expect(writes(requests)).toEqual([])

    fireEvent.click(within(sheet).getByText('不同意'))

    expect(screen.getByText(/未保存任何孩子信息。不提供孩子信息也可以正常查找和比较托育机构/)).toBeTruthy()
    expect(screen.queryByRole('dialog')).toBeNull()
    expect((screen.getByPlaceholderText('小名') as HTMLInputElement).value).toBe('')
    expect(writes(requests)).toEqual([])
    expect(onDone).not.toHaveBeenCalled()
  })

  it('accepting posts the consents for the current versions, then the child', async () => {
    withoutConsents()
    const requests = recordRequests()
    const onDone = jest.fn()
    render(<ChildEditor onDone={onDone} onViewPolicy={jest.fn()} />)

    fillChild('小明', monthsAgo(14))
    fireEvent.click(screen.getByText('保存'))
    fireEvent.click(await screen.findByText('同意并继续'))

    await waitFor(() => expect(onDone).toHaveBeenCalled())
    expect(writes(requests).map((r) => [r.method, r.path, r.body])).toEqual([
      ['POST', '/me/consents', { kind: 'privacy_policy', version: '2026-11-28', action: 'accept' }],
      ['POST', '/me/consents', { kind: 'child_data', version: '2026-11-28', action: 'accept' }],
      ['POST', '/me/children', { nickname: '小明', birthMonth: monthsAgo(14) }],
    ])
  })

  it('does not ask again once the guardian has agreed', async () => {
    signedInParent()
    const requests = recordRequests()
    const onDone = jest.fn()
    render(<ChildEditor onDone={onDone} onViewPolicy={jest.fn()} />)

    fillChild('朵朵', '2024-3')
    fireEvent.click(screen.getByText('保存'))

    await waitFor(() => expect(onDone).toHaveBeenCalled())
    expect(screen.queryByText('同意并继续')).toBeNull()
    expect(writes(requests).map((r) => [r.path, r.body])).toEqual([['/me/children', { nickname: '朵朵', birthMonth: '2024-03' }]])
  })
})

describe('我的孩子', () => {
  it('lists the children with their age', async () => {
    signedInParent()
    answer('get', '/me/children', {
      items: [
        childOf({ nickname: '小明', birthMonth: monthsAgo(14), ageMonths: 14 }),
        childOf({ id: '6f0d3c1e-8a55-4b7e-9a0e-000000000002', nickname: '朵朵', birthMonth: monthsAgo(8), ageMonths: 8 }),
      ],
    })
    render(<MePage />)

    expect(await screen.findByText('小明')).toBeTruthy()
    expect(screen.getByText('1岁2个月')).toBeTruthy()
    expect(screen.getByText('8个月')).toBeTruthy()
    expect(screen.getByText('添加孩子')).toBeTruthy()
  })

  it('rejects a birth month in the future or not written as a month, without sending it', async () => {
    signedInParent()
    const requests = recordRequests()
    render(<ChildEditor onDone={jest.fn()} onViewPolicy={jest.fn()} />)

    fillChild('小明', 'abc')
    fireEvent.click(screen.getByText('保存'))
    expect(screen.getByText('请按“2025-09”的格式填写出生年月')).toBeTruthy()
    fillChild('小明', dayjs().add(2, 'month').format('YYYY-MM'))
    fireEvent.click(screen.getByText('保存'))
    expect(screen.getByText('出生年月不能晚于本月')).toBeTruthy()
    expect(writes(requests)).toEqual([])
  })

  it('edits and deletes a child', async () => {
    signedInParent()
    const child = childOf({ nickname: '小明', birthMonth: monthsAgo(14), ageMonths: 14 })
    const id = child.id
    answer('get', '/me/children', { items: [child] })
    answer('put', '/me/children/:id', { ...child, nickname: '明明' })
    const onDone = jest.fn()
    const requests = recordRequests()
    render(<ChildEditor id={id} onDone={onDone} onViewPolicy={jest.fn()} />)

    await waitFor(() => expect((screen.getByPlaceholderText('小名') as HTMLInputElement).value).toBe('小明'))
    fireEvent.change(screen.getByPlaceholderText('小名'), { target: { value: '明明' } })
    fireEvent.click(screen.getByText('保存'))
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1))

    fireEvent.click(screen.getByText('删除'))
    const confirm = screen.getByRole('dialog', { name: '删除孩子信息' })
    expect(within(confirm).getByText(/明明 的信息将从您的账号中清除/)).toBeTruthy()
    fireEvent.click(within(confirm).getByText('删除'))

    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(2))
    // The edit sends the whole child: the unchanged birth month too.
    expect(writes(requests).map((r) => [r.method, r.path, r.body])).toEqual([
      ['PUT', `/me/children/${id}`, { nickname: '明明', birthMonth: monthsAgo(14) }],
      ['DELETE', `/me/children/${id}`, undefined],
    ])
    // The list the app shows goes without it.
    expect(getQueryData(childrenQuery.key)).toEqual([])
  })
})
