import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { institutionFixtures } from '../../../mock/fixtures/app'
import { institutionPageFixture } from '../../../mock/fixtures/app/institutions'
import { errorResponse } from '../../../mock/handlers'
import { filedFixture, uploadedPhotoFixture } from '../../../mock/fixtures/app/complaints'
import { server } from '../../../mock/handlers/server'
import { answer } from '../../../test/support/answers'
import { storage } from '../../../test/stubs/taro'
import { signedInParent } from '../../../test/support/app-session'
import { ComplaintForm } from './components/complaint-form'
import { FiledSuccess } from './components/filed-success'
import { emptyDraft } from './draft'
import { useComplaintDraft } from './draft-store'
import { useLocalComplaints } from './local-complaints'
import { chooseReturns, pngFile, recordComplaintRequests, shownCode, twoDaysAgo } from './test-helpers'

const institution = institutionFixtures[0]
const DESCRIPTION = '午睡时老师把孩子独自留在房间里，没有任何人看护。'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
/** What the BFF answers to a filing: the number, the secret, and where it went. */
const filed = filedFixture({ departments: ['health'] })

async function openForm(props: { signedIn?: boolean; fromInstitution?: boolean } = {}) {
  const onFiled = jest.fn()
  const view = render(
    <ComplaintForm
      institution={props.fromInstitution === false ? undefined : { id: institution.id, name: institution.name }}
      signedIn={props.signedIn ?? false}
      onFiled={onFiled}
    />,
  )
  await waitFor(() => expect(useComplaintDraft.getState().draft.key).toMatch(UUID))
  return { onFiled, ...view }
}

function fill(category = '卫生与健康') {
  fireEvent.click(screen.getByText(category))
  fireEvent.change(screen.getByPlaceholderText('请描述发生了什么'), { target: { value: DESCRIPTION } })
  fireEvent.change(screen.getByPlaceholderText('发生时间（如 2026-11-20 14:30）'), { target: { value: twoDaysAgo().format('YYYY-MM-DD HH:mm') } })
}

const filings = (requests: ReturnType<typeof recordComplaintRequests>) => requests.filter((r) => r.method === 'POST' && r.path === '/complaints')

describe('filing a complaint', () => {
  it('sends the body with an Idempotency-Key, remembers the number and secret on the device, and hands over to the success page', async () => {
    const requests = recordComplaintRequests()
    answer('post', '/complaints', filed)
    const { onFiled } = await openForm()
    expect(screen.getByText(institution.name)).toBeTruthy()
    fill()
    expect(screen.getByText(`${DESCRIPTION.length}/2000`)).toBeTruthy()
    fireEvent.click(screen.getByText('提交'))

    await waitFor(() => expect(onFiled).toHaveBeenCalledTimes(1))
    const [filing] = filings(requests)
    expect(filing.headers['idempotency-key']).toMatch(UUID)
    expect(filing.headers['idempotency-key']).toBe(useComplaintDraft.getState().draft.key)
    expect(filing.body).toEqual({
      institutionId: institution.id,
      category: 'hygiene_health',
      description: DESCRIPTION,
      occurredAt: twoDaysAgo().second(0).millisecond(0).toISOString(),
      photoIds: [],
      anonymous: false,
    })
    const tn = onFiled.mock.calls[0][0] as string
    expect(tn).toBe(filed.trackingNumber)
    expect(useLocalComplaints.getState().find(tn)).toMatchObject({
      trackingNumber: tn,
      secret: filed.secret,
      departments: ['health'],
      subject: institution.name,
      category: 'hygiene_health',
    })
    // The draft stays until the success page has shown the answer.
    expect(useComplaintDraft.getState().draft.filed?.trackingNumber).toBe(tn)
  })

  it('says what is missing instead of sending', async () => {
    const requests = recordComplaintRequests()
    await openForm()
    fireEvent.click(screen.getByText('提交'))
    expect(screen.getByRole('alert').textContent).toContain('请选择问题类型')
    fireEvent.click(screen.getByText('饮食'))
    fireEvent.change(screen.getByPlaceholderText('请描述发生了什么'), { target: { value: '太短了' } })
    fireEvent.click(screen.getByText('提交'))
    expect(screen.getByRole('alert').textContent).toContain('问题描述需为 10–2000 个字')
    fireEvent.change(screen.getByPlaceholderText('请描述发生了什么'), { target: { value: DESCRIPTION } })
    fireEvent.change(screen.getByPlaceholderText('发生时间（如 2026-11-20 14:30）'), { target: { value: '昨天下午' } })
    fireEvent.click(screen.getByText('提交'))
    expect(screen.getByRole('alert').textContent).toContain('请按“2026-11-20 14:30”的格式填写发生时间')
    expect(filings(requests)).toEqual([])
  })

  it('sets the time from the date and time pickers', async () => {
    await openForm()
    fireEvent.change(screen.getByLabelText('picker-date'), { target: { value: '2026-01-05' } })
    fireEvent.change(screen.getByLabelText('picker-time'), { target: { value: '09:15' } })
    expect((screen.getByPlaceholderText('发生时间（如 2026-11-20 14:30）') as HTMLInputElement).value).toBe('2026-01-05 09:15')
  })

  it('files against an unlisted provider with its 市州', async () => {
    const requests = recordComplaintRequests()
    const { onFiled } = await openForm({ fromInstitution: false })
    fireEvent.click(screen.getByText('未收录的机构'))
    fireEvent.change(screen.getByPlaceholderText('机构名称'), { target: { value: '阳光宝贝看护班' } })
    fireEvent.change(screen.getByPlaceholderText('地址'), { target: { value: '延吉市河南街道 88 号' } })
    fireEvent.click(await screen.findByText('延边朝鲜族自治州'))
    fill('无证经营')
    fireEvent.click(screen.getByText('提交'))
    await waitFor(() => expect(onFiled).toHaveBeenCalled())
    expect(filings(requests)[0].body).toMatchObject({
      provider: { name: '阳光宝贝看护班', address: '延吉市河南街道 88 号', cityCode: '222400' },
      category: 'unregistered',
    })
    expect(filings(requests)[0].body).not.toHaveProperty('institutionId')
  })
})

describe('network failure and retry', () => {
  it('keeps the draft, says so, and 重试 re-sends with the same key: one complaint only', async () => {
    const requests = recordComplaintRequests()
    server.use(http.post('*/api/complaints', () => HttpResponse.error(), { once: true }))
    const { onFiled } = await openForm()
    fill()
    fireEvent.click(screen.getByText('提交'))

    expect(await screen.findByText('提交失败，已保存草稿，可重试')).toBeTruthy()
    expect(onFiled).not.toHaveBeenCalled()
    const saved = JSON.parse(storage.get('jilin-tuoyu/complaint-draft') as string)
    expect(saved.state.draft).toMatchObject({ description: DESCRIPTION, category: 'hygiene_health', key: useComplaintDraft.getState().draft.key })

    fireEvent.click(screen.getByText('重试'))
    await waitFor(() => expect(onFiled).toHaveBeenCalledTimes(1))
    const [first, second] = filings(requests)
    expect(second.headers['idempotency-key']).toBe(first.headers['idempotency-key'])
    expect(second.body).toEqual(first.body)
    expect(filings(requests)).toHaveLength(2)
  })

  it('when the answer was lost after the BFF filed it, the retry gets the same complaint back (200), never a second one', async () => {
    // The BFF filed it and its answer was lost; the retry (same key) gets that complaint back with 200.
    const requests = recordComplaintRequests()
    const filedFirst = filedFixture({ trackingNumber: 'TS20261128FIRST2', secret: 'SECRET-FIRST-0001' })
    answer('post', '/complaints', HttpResponse.error(), HttpResponse.json(filedFirst, { status: 200 }))
    const { onFiled } = await openForm()
    fill()
    fireEvent.click(screen.getByText('提交'))
    fireEvent.click(await screen.findByText('重试'))
    await waitFor(() => expect(onFiled).toHaveBeenCalled())
    expect(onFiled).toHaveBeenCalledWith(filedFirst.trackingNumber)
    expect(useLocalComplaints.getState().find(filedFirst.trackingNumber)?.secret).toBe(filedFirst.secret)
    const [first, second] = filings(requests)
    expect(second.headers['idempotency-key']).toBe(first.headers['idempotency-key'])
  })
})

describe('the draft', () => {
  it('is saved on every change and restored (key, fields, uploaded photos) when the app opens again', async () => {
    const view = await openForm({ fromInstitution: false })
    const key = useComplaintDraft.getState().draft.key
    fireEvent.click(screen.getByText('未收录的机构'))
    fireEvent.change(screen.getByPlaceholderText('机构名称'), { target: { value: '小区看护点' } })
    fill('饮食')
    chooseReturns([pngFile()])
    fireEvent.click(screen.getByText('添加照片'))
    await waitFor(() => expect(useComplaintDraft.getState().draft.photos[0]?.status).toBe('done'))
    const photoId = useComplaintDraft.getState().draft.photos[0].photoId
    view.unmount()

    // A closed app: memory gone, only the device storage is left.
    const saved = storage.get('jilin-tuoyu/complaint-draft')
    act(() => useComplaintDraft.setState({ draft: emptyDraft(), restored: false }))
    storage.set('jilin-tuoyu/complaint-draft', saved)
    await act(() => useComplaintDraft.persist.rehydrate())

    await openForm({ fromInstitution: false })
    expect(screen.getByText('已恢复上次未提交的草稿')).toBeTruthy()
    expect((screen.getByPlaceholderText('机构名称') as HTMLInputElement).value).toBe('小区看护点')
    expect((screen.getByPlaceholderText('请描述发生了什么') as HTMLTextAreaElement).value).toBe(DESCRIPTION)
    expect(screen.getByText('饮食').getAttribute('aria-checked')).toBe('true')
    expect(useComplaintDraft.getState().draft.key).toBe(key)
    expect(useComplaintDraft.getState().draft.photos.map((p) => p.photoId)).toEqual([photoId])
  })

  it('restores a draft saved by the app as it stores them on the device, photos included (a cut-off upload offers 重试)', async () => {
    // Written out by hand, as zustand's persist saved it: a half-written complaint must survive an update of the app.
    const key = '7d3c2a1e-5b4f-4c6d-8e9f-0a1b2c3d4e5f'
    const photo = (localId: string, status: string, photoId: string | null) => ({
      localId,
      path: `blob:${localId}`,
      size: 1200,
      status,
      progress: status === 'done' ? 100 : 40,
      photoId,
      error: null,
    })
    const draft = {
      key,
      target: { kind: 'provider' },
      provider: { name: '小区看护点', address: '长春市南关区某小区', cityCode: '220100' },
      category: 'food',
      description: DESCRIPTION,
      occurredAt: '2026-11-20 09:30',
      photos: [photo('p1', 'done', 'ph-uploaded'), photo('p2', 'uploading', null)],
      anonymous: true,
      contactPhone: '',
      filed: null,
    }
    storage.set('jilin-tuoyu/complaint-draft', JSON.stringify({ state: { draft }, version: 1 }))
    await act(() => useComplaintDraft.persist.rehydrate())

    await openForm({ fromInstitution: false })
    expect(screen.getByText('已恢复上次未提交的草稿')).toBeTruthy()
    expect((screen.getByPlaceholderText('请描述发生了什么') as HTMLTextAreaElement).value).toBe(DESCRIPTION)
    expect(useComplaintDraft.getState().draft.key).toBe(key)
    expect(useComplaintDraft.getState().draft.photos.map((p) => [p.photoId, p.status])).toEqual([
      ['ph-uploaded', 'done'],
      [null, 'failed'],
    ])
    const [uploaded, cutOff] = screen.getAllByTestId('photo-thumb')
    expect(within(uploaded).queryByText('重试')).toBeNull()
    expect(within(cutOff).getByText('上传失败')).toBeTruthy()
    expect(within(cutOff).getByText('重试')).toBeTruthy()
  })

  it('is cleared only once the success page has shown the answer', async () => {
    const { onFiled } = await openForm()
    fill()
    fireEvent.click(screen.getByText('提交'))
    await waitFor(() => expect(onFiled).toHaveBeenCalled())
    expect(useComplaintDraft.getState().draft.description).toBe(DESCRIPTION)

    const tn = onFiled.mock.calls[0][0] as string
    render(<FiledSuccess trackingNumber={tn} onFollow={jest.fn()} onHome={jest.fn()} />)
    expect(screen.getAllByText(shownCode(tn)).length).toBeGreaterThan(0)
    await waitFor(() => expect(useComplaintDraft.getState().draft.description).toBe(''))
    expect(useComplaintDraft.getState().draft.filed).toBeNull()
  })
})

describe('suspected abuse', () => {
  it('shows the 110 notice before submitting and blocks 提交 until acknowledged; 拨打 110 calls the police', async () => {
    const requests = recordComplaintRequests()
    // The BFF routes suspected abuse as urgent, to the police and health.
    answer('post', '/complaints', filedFixture({ urgent: true, departments: ['public_security', 'health'] }))
    const { onFiled } = await openForm()
    fill('疑似虐童')

    const notice = screen.getByText(/如孩子正处于危险中，请立即拨打 110 报警/).closest('[role=alert]') as HTMLElement
    expect(within(notice).getByText(/公安和卫生健康/)).toBeTruthy()
    const submit = screen.getByText('提交').closest('button') as HTMLButtonElement
    expect(submit.disabled).toBe(true)
    fireEvent.click(submit)
    expect(filings(requests)).toEqual([])

    fireEvent.click(within(notice).getByText('拨打 110'))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '110' })

    fireEvent.click(within(notice).getByText('我已知晓，继续提交'))
    expect(submit.disabled).toBe(false)
    fireEvent.click(submit)
    await waitFor(() => expect(onFiled).toHaveBeenCalled())
    expect(filings(requests)[0].body).toMatchObject({ category: 'abuse' })

    const tn = onFiled.mock.calls[0][0] as string
    render(<FiledSuccess trackingNumber={tn} onFollow={jest.fn()} onHome={jest.fn()} />)
    // Queued for the police and health at filing: said as what will happen, not as done.
    expect(screen.getByText('紧急举报不必等待受理，系统将立即转送公安、卫生健康部门。')).toBeTruthy()
    expect(screen.queryByText(/已转交|已转送/)).toBeNull()
  })

  it('other categories show no notice', async () => {
    await openForm()
    fill('虚假宣传')
    expect(screen.queryByText('我已知晓，继续提交')).toBeNull()
  })
})

describe('anonymous', () => {
  it('hides the phone field and sends anonymous=true without contactPhone or token', async () => {
    signedInParent()
    const requests = recordComplaintRequests()
    const { onFiled } = await openForm({ signedIn: true })
    fill()
    fireEvent.change(screen.getByPlaceholderText('手机号（选填）'), { target: { value: '13900001111' } })
    fireEvent.click(screen.getByRole('switch'))

    expect(screen.queryByPlaceholderText('手机号（选填）')).toBeNull()
    expect(screen.getByText(/提交后请务必保存查询编号和查询码/)).toBeTruthy()
    fireEvent.click(screen.getByText('提交'))
    await waitFor(() => expect(onFiled).toHaveBeenCalled())
    const [filing] = filings(requests)
    expect(filing.body).toMatchObject({ anonymous: true })
    expect(filing.body).not.toHaveProperty('contactPhone')
    expect(filing.headers.authorization).toBeNull()
  })

  it('signed in and not anonymous: the optional phone goes with the complaint, with the token', async () => {
    signedInParent()
    const requests = recordComplaintRequests()
    const { onFiled } = await openForm({ signedIn: true })
    fill()
    fireEvent.change(screen.getByPlaceholderText('手机号（选填）'), { target: { value: '13900001111' } })
    fireEvent.click(screen.getByText('提交'))
    await waitFor(() => expect(onFiled).toHaveBeenCalled())
    expect(filings(requests)[0].body).toMatchObject({ anonymous: false, contactPhone: '13900001111' })
    expect(filings(requests)[0].headers.authorization).toMatch(/^Bearer /)
  })

  it('signed out: no phone field at all', async () => {
    await openForm({ signedIn: false })
    expect(screen.queryByPlaceholderText('手机号（选填）')).toBeNull()
    expect(screen.getByText('匿名提交')).toBeTruthy()
  })
})

describe('photos', () => {
  it('uploads each photo right after choosing and sends the ids', async () => {
    const requests = recordComplaintRequests()
    answer('post', '/complaints/photos', uploadedPhotoFixture(1), uploadedPhotoFixture(2))
    const { onFiled } = await openForm()
    fill()
    chooseReturns([pngFile('a.png'), pngFile('b.png')])
    fireEvent.click(screen.getByText('添加照片'))
    await waitFor(() => expect(useComplaintDraft.getState().draft.photos.map((p) => p.status)).toEqual(['done', 'done']))
    expect(screen.getAllByTestId('photo-thumb')).toHaveLength(2)
    expect(requests.filter((r) => r.path === '/complaints/photos')).toHaveLength(2)

    fireEvent.click(screen.getByText('提交'))
    await waitFor(() => expect(onFiled).toHaveBeenCalled())
    const ids = useComplaintDraft.getState().draft.photos.map((p) => p.photoId)
    expect(new Set(ids)).toEqual(new Set([uploadedPhotoFixture(1).photoId, uploadedPhotoFixture(2).photoId]))
    expect(filings(requests)[0].body).toMatchObject({ photoIds: ids })
  })

  it('shows a failed upload with 重试, blocks submitting meanwhile, and retries', async () => {
    server.use(
      http.post('*/api/complaints/photos', () => HttpResponse.json({ statusCode: 500, error: 'Internal Server Error', message: 'boom' }, { status: 500 }), {
        once: true,
      }),
    )
    const requests = recordComplaintRequests()
    await openForm()
    fill()
    chooseReturns([pngFile()])
    fireEvent.click(screen.getByText('添加照片'))
    const thumb = await screen.findByTestId('photo-thumb')
    await waitFor(() => expect(within(thumb).getByText('服务暂时不可用，请稍后再试')).toBeTruthy())

    fireEvent.click(screen.getByText('提交'))
    expect(screen.getByText(/照片尚未全部上传/)).toBeTruthy()
    expect(filings(requests)).toEqual([])

    fireEvent.click(within(thumb).getByText('重试'))
    await waitFor(() => expect(useComplaintDraft.getState().draft.photos[0].status).toBe('done'))
    expect(within(screen.getByTestId('photo-thumb')).queryByText('重试')).toBeNull()
  })

  it('refuses a photo over 8 MB without uploading it, and a removed photo is gone', async () => {
    const requests = recordComplaintRequests()
    await openForm()
    chooseReturns([pngFile()], 9 * 1024 * 1024)
    fireEvent.click(screen.getByText('添加照片'))
    expect(await screen.findByText('照片不能超过 8 MB')).toBeTruthy()
    expect(requests.filter((r) => r.path === '/complaints/photos')).toEqual([])
    fireEvent.click(screen.getByLabelText('删除'))
    expect(screen.queryByTestId('photo-thumb')).toBeNull()
  })

  it('takes at most 9 photos', async () => {
    await openForm()
    chooseReturns(Array.from({ length: 7 }, (_, i) => pngFile(`${i}.png`)))
    fireEvent.click(screen.getByText('添加照片'))
    await waitFor(() => expect(screen.getAllByTestId('photo-thumb')).toHaveLength(7))
    expect(Taro.chooseImage).toHaveBeenLastCalledWith(expect.objectContaining({ count: 9 }))

    // The picker may return more than asked for: only two more fit.
    chooseReturns(Array.from({ length: 4 }, (_, i) => pngFile(`x${i}.png`)))
    fireEvent.click(screen.getByText('添加照片'))
    await waitFor(() => expect(screen.getAllByTestId('photo-thumb')).toHaveLength(9))
    expect(Taro.chooseImage).toHaveBeenLastCalledWith(expect.objectContaining({ count: 2 }))
    await waitFor(() => expect(useComplaintDraft.getState().draft.photos.every((p) => p.status === 'done')).toBe(true))
    expect(screen.queryByText('添加照片')).toBeNull()
    expect(screen.getByText('最多上传 9 张照片')).toBeTruthy()
  })
})

describe('success page', () => {
  it('shows the tracking number and secret large and copyable, with the warning and departments', async () => {
    const filed = filedFixture({ departments: ['market_regulation'] })
    useLocalComplaints.getState().remember({ ...filed, category: 'fees', subject: institution.name })
    const onFollow = jest.fn()
    const { container } = render(<FiledSuccess trackingNumber={filed.trackingNumber} onFollow={onFollow} onHome={jest.fn()} />)

    expect(screen.getByText('查询编号')).toBeTruthy()
    expect(screen.getByText('查询码')).toBeTruthy()
    expect(container.querySelector('.complaint-tracking-number')?.textContent).toBe(filed.trackingNumber)
    expect(container.querySelector('.complaint-secret')?.textContent).toBe(filed.secret)
    expect(screen.getByText('请保存查询码，匿名投诉只能凭它查询')).toBeTruthy()
    // The status the BFF answered, and what happens next in plain words: nothing has been forwarded yet.
    expect(within(container.querySelector('.filed-success__status') as HTMLElement).getByText('已提交')).toBeTruthy()
    expect(screen.getByText('接下来：工作人员审核后决定是否受理，受理后转交市场监管部门办理。办理进度可凭查询编号随时查看。')).toBeTruthy()
    expect(screen.queryByText(/已转交/)).toBeNull()

    fireEvent.click(screen.getAllByText('复制')[1])
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: filed.secret })
    fireEvent.click(screen.getByText('一键复制（两项）'))
    expect(Taro.setClipboardData).toHaveBeenLastCalledWith({ data: `吉林托育投诉 查询编号：${filed.trackingNumber} 查询码：${filed.secret}` })
    fireEvent.click(screen.getByText('查看进度'))
    expect(onFollow).toHaveBeenCalledWith(filed.trackingNumber)
  })
})

describe('the filed screen tells the truth', () => {
  it('shows the status the BFF answered, whatever it is, and never claims a forwarding', () => {
    // A retry of an old filing gets the complaint as it stands now: already accepted.
    const accepted = filedFixture({ status: 'accepted', departments: ['health'] })
    useLocalComplaints.getState().remember({ ...accepted, category: 'food', subject: institution.name })
    const { container } = render(<FiledSuccess trackingNumber={accepted.trackingNumber} onFollow={jest.fn()} onHome={jest.fn()} />)
    expect(within(container.querySelector('.filed-success__status') as HTMLElement).getByText('已受理')).toBeTruthy()
    expect(screen.getByText('办理进度可凭查询编号随时查看。')).toBeTruthy()
    expect(screen.queryByText(/接下来：|已转交/)).toBeNull()
  })

  it('shows the tracking number and secret in groups that wrap only between groups', () => {
    const filed = filedFixture({ trackingNumber: 'TS20261128ABC234', secret: 'K7M2-QD9X-4HTP-ZW3R' })
    useLocalComplaints.getState().remember({ ...filed, category: 'fees', subject: institution.name })
    const { container } = render(<FiledSuccess trackingNumber={filed.trackingNumber} onFollow={jest.fn()} onHome={jest.fn()} />)
    const groups = (selector: string) => [...container.querySelectorAll(`${selector} .tracking-code__group`)].map((g) => g.textContent)
    expect(groups('.complaint-tracking-number')).toEqual(['TS20', '2611', '28AB', 'C234'])
    expect(groups('.complaint-secret')).toEqual(['K7M2-', 'QD9X-', '4HTP-', 'ZW3R'])
    // Still the code as it is typed back, and copied without the grouping.
    expect(container.querySelector('.complaint-tracking-number')?.textContent).toBe(filed.trackingNumber)
    fireEvent.click(screen.getAllByText('复制')[0])
    expect(Taro.setClipboardData).toHaveBeenLastCalledWith({ data: filed.trackingNumber })
  })
})

describe('picking a registered institution inside the form', () => {
  const wanted = institutionFixtures[1]

  it('searches the registry by name and files against the institution picked', async () => {
    const searched: string[] = []
    server.use(
      http.get('*/api/institutions', ({ request }) => {
        searched.push(new URL(request.url).searchParams.get('q') ?? '')
        return HttpResponse.json(institutionPageFixture([wanted]))
      }),
    )
    const requests = recordComplaintRequests()
    answer('post', '/complaints', filed)
    const { onFiled } = await openForm({ fromInstitution: false })
    expect(screen.getByText(/输入名称搜索已收录的机构/)).toBeTruthy()

    fireEvent.change(screen.getByPlaceholderText('搜索已收录的机构名称'), { target: { value: '阳光' } })
    fireEvent.click(await screen.findByLabelText(`选择 ${wanted.name}`))
    expect(searched).toEqual(['阳光'])
    // Picked as if the form had been opened from its page: the institution is the selected target.
    const chip = screen.getByText(wanted.name).closest('[role=checkbox]') as HTMLElement
    expect(chip.getAttribute('aria-checked')).toBe('true')
    expect(screen.queryByLabelText(`选择 ${wanted.name}`)).toBeNull()

    fill()
    fireEvent.click(screen.getByText('提交'))
    await waitFor(() => expect(onFiled).toHaveBeenCalled())
    expect(filings(requests)[0].body).toMatchObject({ institutionId: wanted.id })
    expect(filings(requests)[0].body).not.toHaveProperty('provider')
    expect(useLocalComplaints.getState().find(filed.trackingNumber)?.subject).toBe(wanted.name)
  })

  it('says when no registered institution has that name, and keeps the free-text provider for those', async () => {
    answer('get', '/institutions', institutionPageFixture([]))
    await openForm({ fromInstitution: false })
    fireEvent.change(screen.getByPlaceholderText('搜索已收录的机构名称'), { target: { value: '不存在的托育' } })
    expect(await screen.findByText('没有名称含“不存在的托育”的已收录机构。未收录的机构请选“未收录的机构”手动填写。')).toBeTruthy()
    fireEvent.click(screen.getByText('未收录的机构'))
    expect(screen.getByPlaceholderText('机构名称')).toBeTruthy()
    expect(screen.queryByPlaceholderText('搜索已收录的机构名称')).toBeNull()
  })

  it('offers a retry when the search fails', async () => {
    answer('get', '/institutions', errorResponse(503, 'unavailable'), institutionPageFixture([wanted]))
    await openForm({ fromInstitution: false })
    fireEvent.change(screen.getByPlaceholderText('搜索已收录的机构名称'), { target: { value: '阳光' } })
    fireEvent.click(await screen.findByText('搜索失败，点击重试'))
    expect(await screen.findByLabelText(`选择 ${wanted.name}`)).toBeTruthy()
  })
})
