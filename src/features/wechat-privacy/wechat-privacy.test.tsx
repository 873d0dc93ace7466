import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { WechatPrivacySheet } from './components/wechat-privacy-sheet'
import { startWechatPrivacy } from './store'

type Listener = (resolve: jest.Mock) => void

describe('WeChat privacy authorisation', () => {
  const env = process.env.TARO_ENV
  afterEach(() => {
    process.env.TARO_ENV = env
  })

  function start(): Listener {
    process.env.TARO_ENV = 'weapp'
    startWechatPrivacy()
    return (Taro.onNeedPrivacyAuthorization as jest.Mock).mock.calls[0][0] as Listener
  }

  it('shows the sheet when WeChat holds a privacy API; 拒绝 resolves disagree and closes it', () => {
    const listener = start()
    render(<WechatPrivacySheet />)
    expect(screen.queryByText('用户隐私保护提示')).toBeNull()

    const resolve = jest.fn()
    act(() => listener(resolve))
    expect(screen.getByText('用户隐私保护提示')).toBeTruthy()
    fireEvent.click(screen.getByText('拒绝'))

    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' })
    expect(screen.queryByText('用户隐私保护提示')).toBeNull()
  })

  it('同意 is the agreePrivacyAuthorization button and resolves agree with its id', () => {
    const listener = start()
    render(<WechatPrivacySheet />)
    const resolve = jest.fn()
    act(() => listener(resolve))

    const agree = screen.getByText('同意')
    expect(agree.getAttribute('data-open-type')).toBe('agreePrivacyAuthorization')
    fireEvent.click(agree)

    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: agree.id })
    expect(agree.id).not.toBe('')
  })

  it('is not registered in H5', () => {
    process.env.TARO_ENV = 'h5'
    startWechatPrivacy()
    expect(Taro.onNeedPrivacyAuthorization).not.toHaveBeenCalled()
  })
})
