import Taro from '@tarojs/taro'
import { act, renderHook } from '@testing-library/react'
import { useAction } from './action'

/** An action the test finishes (or fails) when it chooses. */
function deferred() {
  let resolve!: () => void
  let reject!: (error: unknown) => void
  const promise = new Promise<void>((ok, fail) => {
    resolve = ok
    reject = fail
  })
  return { promise, resolve, reject }
}

describe('one way to run an action', () => {
  it('is busy while the action runs, and says why it failed', async () => {
    const { result } = renderHook(() => useAction())
    const call = deferred()
    let done!: Promise<void>
    act(() => {
      done = result.current.run(() => call.promise)
    })
    expect(result.current.busy).toBe(true)

    await act(async () => {
      call.reject(new Error('boom'))
      await done
    })

    expect(result.current.busy).toBe(false)
    expect(result.current.error).toBe('操作失败，请稍后再试')
  })

  it('ignores a second tap while the first is running', async () => {
    const { result } = renderHook(() => useAction())
    const call = deferred()
    const action = jest.fn(() => call.promise)
    act(() => {
      void result.current.run(action)
      void result.current.run(action)
    })
    await act(async () => call.resolve())

    expect(action).toHaveBeenCalledTimes(1)
    // Once it is over the next tap runs again.
    await act(() => result.current.run(action))
    expect(action).toHaveBeenCalledTimes(2)
  })

  it('clears the last error when the parent tries again, and keeps the form’s own message until then', async () => {
    const { result } = renderHook(() => useAction())
    act(() => result.current.setError('请填写理由'))
    expect(result.current.error).toBe('请填写理由')

    await act(() => result.current.run(() => Promise.resolve()))

    expect(result.current.error).toBeNull()
  })

  it('tells the failure in the caller’s words, or not at all when the caller has handled it', async () => {
    const { result } = renderHook(() => useAction())
    await act(() =>
      result.current.run(
        () => Promise.reject(new Error('409')),
        () => '已被别人修改',
      ),
    )
    expect(result.current.error).toBe('已被别人修改')

    await act(() =>
      result.current.run(
        () => Promise.reject(new Error('401')),
        () => null,
      ),
    )
    expect(result.current.error).toBeNull()
  })

  it('tells a lone button’s failure in a toast', async () => {
    const { result } = renderHook(() => useAction({ report: 'toast' }))
    await act(() => result.current.run(() => Promise.reject(new Error('boom'))))

    expect(Taro.showToast).toHaveBeenCalledWith({ title: '操作失败，请稍后再试', icon: 'none' })
    expect(result.current.error).toBeNull()
    expect(result.current.busy).toBe(false)
  })

  it('still tells a failure after the component has gone (the parent left the page), and sets nothing on it', async () => {
    const renders = jest.fn()
    const { result, unmount } = renderHook(() => {
      renders()
      return useAction({ report: 'toast' })
    })
    const call = deferred()
    let done!: Promise<void>
    act(() => {
      done = result.current.run(() => call.promise)
    })
    const rendersBefore = renders.mock.calls.length
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    unmount()

    await act(async () => {
      call.reject(new Error('boom'))
      await done
    })

    expect(Taro.showToast).toHaveBeenCalledWith({ title: '操作失败，请稍后再试', icon: 'none' })
    expect(renders).toHaveBeenCalledTimes(rendersBefore)
    expect(errors).not.toHaveBeenCalled()
    errors.mockRestore()
  })
})
