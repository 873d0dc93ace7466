import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { http, HttpResponse } from 'msw'
import { childOf, meFixture, phoneCodeSentFixture, privacyPolicyFixture } from '../../../mock/fixtures/app/account'
import { errorResponse } from '../../../mock/handlers'
import { phoneNumberSheet } from '../../../test/stubs/components'
import { server } from '../../../mock/handlers/server'
import { storage } from '../../../test/stubs/taro'
import { answer } from '../../../test/support/answers'
import { recordRequests, signedInParent } from '../../../test/support/app-session'
import MePage from '../../pages/me'
import { startApp } from '../../start'
import { useAuthStore } from './store'

const PHONE = '13812345678'
const CODE = '246810'

/** The BFF knows this parent by the number they signed in with. */
function signingInAs(phone: string | null) {
  answer('get', '/me', meFixture({ phone, wechat: phone === null }))
}

function typeInto(placeholder: string, value: string) {
  fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } })
}

/** The parent ticks 我已阅读并同意《隐私政策》 first, as the sign-in screen asks. */
function agreeToPolicy() {
  fireEvent.click(screen.getByText('我已阅读并同意'))
}

const codeButton = () => screen.getByText(/获取验证码|秒后重发/, { selector: 'button' }) as HTMLButtonElement

describe('sign-in by phone (H5)', () => {
  beforeEach(() => startApp())
  afterEach(() => jest.useRealTimers())

  it('offers no WeChat phone button outside WeChat: the code form only', () => {
    render(<MePage />)
    expect(screen.queryByText('微信手机号快捷登录')).toBeNull()
    expect(screen.getByPlaceholderText('手机号')).toBeTruthy()
  })

  it('requests a code for the number, counts down 60 s before it can be sent again', async () => {
    jest.useFakeTimers({ advanceTimers: true })
    const requests = recordRequests()
    answer('post', '/auth/phone/code', { ...phoneCodeSentFixture, sentTo: '138****5678' })
    render(<MePage />)

    agreeToPolicy()
    typeInto('手机号', PHONE)
    fireEvent.click(screen.getByText('获取验证码'))

    expect(await screen.findByText('验证码已发送至 138****5678')).toBeTruthy()
    expect(requests.find((r) => r.path === '/auth/phone/code')?.body).toEqual({ phone: PHONE })
    expect(codeButton().textContent).toMatch(/^(60|59) 秒后重发$/)
    expect(codeButton().disabled).toBe(true)

    act(() => jest.advanceTimersByTime(30_000))
    expect(codeButton().textContent).toMatch(/^(30|29) 秒后重发$/)
    act(() => jest.advanceTimersByTime(31_000))
    expect(codeButton().textContent).toBe('获取验证码')
    expect(codeButton().disabled).toBe(false)
  })

  it('says how long to wait when the server answers 429', async () => {
    server.use(
      http.post('*/api/auth/phone/code', () =>
        HttpResponse.json({ statusCode: 429, error: 'Too Many Requests', message: 'too many' }, { status: 429, headers: { 'retry-after': '42' } }),
      ),
    )
    render(<MePage />)
    agreeToPolicy()
    typeInto('手机号', PHONE)
    fireEvent.click(screen.getByText('获取验证码'))

    expect(await screen.findByText('请 42 秒后再试')).toBeTruthy()
    expect(codeButton().textContent).toMatch(/^4[12] 秒后重发$/)
  })

  it('checks the number before sending anything and explains a wrong code in Chinese', async () => {
    const requests = recordRequests()
    render(<MePage />)

    agreeToPolicy()
    typeInto('手机号', '1381234')
    fireEvent.click(screen.getByText('获取验证码'))
    expect(screen.getByText('请输入11位手机号')).toBeTruthy()
    expect(requests).toHaveLength(0)

    typeInto('手机号', PHONE)
    fireEvent.click(screen.getByText('获取验证码'))
    await screen.findByText(/验证码已发送至/)
    answer('post', '/auth/phone', errorResponse(401, '验证码错误或已过期', undefined, { code: 'sign_in_rejected' }))
    typeInto('验证码', '000000')
    fireEvent.click(screen.getByText('登录'))
    expect(await screen.findByText('验证码错误或已过期，请重新获取')).toBeTruthy()
    expect(requests.find((r) => r.path === '/auth/phone')?.body).toEqual({ phone: PHONE, code: '000000' })
    expect(useAuthStore.getState().session).toBeNull()
  })

  it('signs in with the code, keeps the tokens in storage and shows the account', async () => {
    const requests = recordRequests()
    signingInAs('138****5678')
    render(<MePage />)
    agreeToPolicy()
    typeInto('手机号', PHONE)
    fireEvent.click(screen.getByText('获取验证码'))
    await screen.findByText(/验证码已发送至/)
    typeInto('验证码', CODE)
    fireEvent.click(screen.getByText('登录'))

    expect(await screen.findByText('添加孩子')).toBeTruthy()
    expect(await screen.findByText('138****5678')).toBeTruthy()
    const saved = JSON.parse(String(storage.get('jilin-tuoyu/session')))
    expect(saved.state.session.accessToken).toMatch(/^access-/)
    expect(saved.state.session.refreshToken).toMatch(/^refresh-/)
    expect(Date.parse(saved.state.session.accessTokenExpiresAt)).toBeGreaterThan(Date.now())
    expect(screen.queryByPlaceholderText('手机号')).toBeNull()
    expect(requests.find((r) => r.path === '/auth/phone')?.body).toEqual({ phone: PHONE, code: CODE })
    // The account's own requests carry the new token.
    expect(requests.find((r) => r.path === '/me')?.authorization).toBe(`Bearer ${saved.state.session.accessToken}`)
  })

  it('asks for the policy before anything is sent: the box starts unticked and 获取验证码 / 登录 only prompt', async () => {
    const requests = recordRequests()
    render(<MePage />)
    const box = screen.getByRole('checkbox')
    expect(box.getAttribute('aria-checked')).toBe('false')
    expect(screen.getByText('《隐私政策》')).toBeTruthy()

    typeInto('手机号', PHONE)
    fireEvent.click(screen.getByText('获取验证码'))
    expect(screen.getByText('请先阅读并勾选同意《隐私政策》')).toBeTruthy()
    typeInto('验证码', CODE)
    fireEvent.click(screen.getByText('登录'))
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)))
    expect(requests).toHaveLength(0)
    expect(useAuthStore.getState().session).toBeNull()

    agreeToPolicy()
    expect(box.getAttribute('aria-checked')).toBe('true')
    expect(screen.queryByText('请先阅读并勾选同意《隐私政策》')).toBeNull()
    agreeToPolicy()
    expect(box.getAttribute('aria-checked')).toBe('false')
  })

  it('records the consent the parent ticked, with the new session, before the account is shown', async () => {
    const requests = recordRequests()
    signingInAs('138****5678')
    render(<MePage />)
    agreeToPolicy()
    typeInto('手机号', PHONE)
    fireEvent.click(screen.getByText('获取验证码'))
    await screen.findByText(/验证码已发送至/)
    typeInto('验证码', CODE)
    fireEvent.click(screen.getByText('登录'))

    expect(await screen.findByText('添加孩子')).toBeTruthy()
    const consent = requests.find((r) => r.path === '/me/consents')
    expect(consent?.body).toEqual({ kind: 'privacy_policy', version: privacyPolicyFixture.version, action: 'accept' })
    expect(consent?.authorization).toBe(`Bearer ${useAuthStore.getState().session?.accessToken}`)
    expect(requests.findIndex((r) => r.path === '/me/consents')).toBeLessThan(requests.findIndex((r) => r.path === '/me'))
    // Asked again at the next sign-in.
    expect(useAuthStore.getState().policyAgreed).toBe(false)
  })

  it('signs out: tells the server, forgets the tokens and shows the sign-in form again', async () => {
    const requests = recordRequests()
    const tokens = signedInParent()
    render(<MePage />)

    fireEvent.click(await screen.findByText('退出登录'))

    expect(await screen.findByPlaceholderText('手机号')).toBeTruthy()
    expect(requests.find((r) => r.path === '/auth/logout')?.body).toEqual({ refreshToken: tokens.refreshToken })
    expect(JSON.parse(String(storage.get('jilin-tuoyu/session'))).state.session).toBeNull()
  })
})

describe('sign-in in the mini-program', () => {
  const env = process.env.TARO_ENV
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
    startApp()
  })
  afterEach(() => {
    process.env.TARO_ENV = env
  })

  it('signs in with 微信一键登录 (Taro.login code → /auth/wechat)', async () => {
    const requests = recordRequests()
    signingInAs(null)
    render(<MePage />)
    expect(screen.queryByPlaceholderText('手机号')).toBeNull()

    agreeToPolicy()
    fireEvent.click(screen.getByText('微信一键登录'))

    expect(await screen.findByText('微信用户')).toBeTruthy()
    expect(Taro.login).toHaveBeenCalledTimes(1)
    expect(requests.find((r) => r.path === '/auth/wechat')?.body).toEqual({ code: 'wx-login-code' })
  })

  it('neither WeChat button signs in before the box is ticked: they only prompt', async () => {
    const requests = recordRequests()
    render(<MePage />)

    fireEvent.click(screen.getByText('微信一键登录'))
    fireEvent.click(screen.getByText('微信手机号快捷登录'))

    expect(screen.getByText('请先阅读并勾选同意《隐私政策》')).toBeTruthy()
    expect(screen.getByText('微信手机号快捷登录').closest('button')?.getAttribute('data-open-type')).toBeNull()
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)))
    expect(Taro.login).not.toHaveBeenCalled()
    expect(requests).toHaveLength(0)
    expect(useAuthStore.getState().session).toBeNull()
  })

  it('signs in with 微信手机号快捷登录: the phone code WeChat gives and a login code of the same tap', async () => {
    const requests = recordRequests()
    signingInAs('137****0001')
    render(<MePage />)

    agreeToPolicy()
    fireEvent.click(screen.getByText('微信手机号快捷登录'))

    expect(await screen.findByText('137****0001')).toBeTruthy()
    expect(Taro.login).toHaveBeenCalledTimes(1)
    expect(requests.find((r) => r.path === '/auth/wechat/phone')?.body).toEqual({ phoneCode: 'wx-phone-code', loginCode: 'wx-login-code' })
  })

  describe('when the parent refuses to share the number', () => {
    const allowed = phoneNumberSheet.detail
    beforeEach(() => {
      phoneNumberSheet.detail = { errMsg: 'getPhoneNumber:fail user deny' }
    })
    afterEach(() => {
      phoneNumberSheet.detail = allowed
    })

    it('sends nothing, says so briefly, and the other ways to sign in still work', async () => {
      const requests = recordRequests()
      signingInAs(null)
      render(<MePage />)

      agreeToPolicy()
      fireEvent.click(screen.getByText('微信手机号快捷登录'))

      expect(await screen.findByText('未授权手机号，可使用微信一键登录或验证码登录')).toBeTruthy()
      expect(requests).toHaveLength(0)
      expect(Taro.login).not.toHaveBeenCalled()
      fireEvent.click(screen.getByText('微信一键登录'))
      expect(await screen.findByText('微信用户')).toBeTruthy()
    })
  })

  it('asks for another tap when WeChat no longer accepts the phone code (401)', async () => {
    server.use(http.post('*/api/auth/wechat/phone', () => HttpResponse.json({ statusCode: 401, error: 'Unauthorized', message: 'expired' }, { status: 401 })))
    render(<MePage />)
    agreeToPolicy()

    fireEvent.click(screen.getByText('微信手机号快捷登录'))

    expect(await screen.findByText('手机号授权已失效，请再点一次')).toBeTruthy()
    expect(useAuthStore.getState().session).toBeNull()
    expect((screen.getByText('微信手机号快捷登录').closest('button') as HTMLButtonElement).disabled).toBe(false)
  })
})

describe('an expired access token', () => {
  beforeEach(() => startApp())

  it('is refreshed once and the request retried; the rotated refresh token is kept', async () => {
    const requests = recordRequests()
    const tokens = signedInParent()
    // The BFF no longer takes the access token (it expired early, e.g. the phone's clock is off): 401, then the list.
    answer('get', '/me/children', errorResponse(401, 'token expired'), { items: [childOf({ nickname: '小明' })] })

    render(<MePage />)

    expect(await screen.findByText('小明')).toBeTruthy()
    await waitFor(() => expect(requests.filter((r) => r.path === '/auth/refresh')).toHaveLength(1))
    const session = useAuthStore.getState().session
    expect(session?.refreshToken).not.toBe(tokens.refreshToken)
    expect(requests.filter((r) => r.path === '/me/children').at(-1)?.authorization).toBe(`Bearer ${session?.accessToken}`)
  })

  it('signs the parent out when the refresh is refused', async () => {
    signedInParent()
    answer('get', '/me/children', errorResponse(401, 'token expired'))
    answer('post', '/auth/refresh', errorResponse(401, 'refresh token invalid'))

    render(<MePage />)

    expect(await screen.findByPlaceholderText('手机号')).toBeTruthy()
    expect(useAuthStore.getState().session).toBeNull()
  })
})
