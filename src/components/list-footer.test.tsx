import { fireEvent, render, screen } from '@testing-library/react'
import { AxiosError } from 'axios'
import { ListFooter } from './list-footer'

const list = (patch: Partial<Parameters<typeof ListFooter>[0]['list']> = {}) => ({
  moreError: null,
  hasMore: false,
  loadingMore: false,
  retry: jest.fn(() => Promise.resolve()),
  ...patch,
})

describe('the footer under a paged list', () => {
  it('says more is coming while there are pages left', () => {
    render(<ListFooter list={list({ hasMore: true })} block='demo' loadingText='正在加载更多…' endText='没有更多了，共 3 条' />)
    expect(screen.getByText('正在加载更多…')).toBeTruthy()
    expect(screen.queryByText('没有更多了，共 3 条')).toBeNull()
  })

  it('says the end with the count once every page is loaded', () => {
    render(<ListFooter list={list()} block='demo' loadingText='正在加载更多…' endText='没有更多了，共 3 条' />)
    expect(screen.getByText('没有更多了，共 3 条')).toBeTruthy()
  })

  it('says why the next page failed, with a 重试 button that loads it again', () => {
    const failed = list({ hasMore: true, moreError: new AxiosError('Network Error', AxiosError.ERR_NETWORK) })
    render(<ListFooter list={failed} block='demo' loadingText='正在加载更多…' endText='没有更多了，共 3 条' />)

    expect(screen.getByText('网络连接失败，请检查网络后重试')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '重试' }))
    expect(failed.retry).toHaveBeenCalledTimes(1)
  })
})
