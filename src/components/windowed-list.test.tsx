import { render, screen } from '@testing-library/react'
import { STUB_ROW_HEIGHT } from '../../test/stubs/taro'
import { listBlocks, scrollToBlock, WINDOW_ITEMS } from '../../test/support/windowed-list'
import { BLOCK_SIZE, renderedBlocks, WindowedList } from './windowed-list'

type Row = { id: string; name: string }
const rows = (count: number, prefix = '第'): Row[] => Array.from({ length: count }, (_, i) => ({ id: `row-${prefix}-${i + 1}`, name: `${prefix}${i + 1}行` }))

function List({ items }: { items: Row[] }) {
  return <WindowedList items={items} itemKey={(row) => row.id} renderItem={(row) => <div className='row'>{row.name}</div>} />
}

const renderedRows = () => document.querySelectorAll('.row').length

/** The parent reads to the end and the next page is appended, as "load more" does, until `total` rows are loaded. */
function scrollThrough(total: number, rerender: (ui: JSX.Element) => void) {
  for (let loaded = 20; loaded <= total; loaded += 20) {
    rerender(<List items={rows(loaded)} />)
    scrollToBlock('last')
  }
}

describe('WindowedList', () => {
  it('renders every item of a short list', () => {
    render(<List items={rows(17)} />)
    expect(renderedRows()).toBe(17)
    expect(screen.getByText('第1行')).toBeTruthy()
    expect(screen.getByText('第17行')).toBeTruthy()
  })

  it('keeps only a window of items rendered however many pages are loaded, spacers keeping the height of what they replace', () => {
    const { rerender } = render(<List items={rows(20)} />)
    scrollThrough(200, rerender)

    expect(renderedRows()).toBeLessThanOrEqual(WINDOW_ITEMS)
    expect(screen.getByText('第200行')).toBeTruthy()
    expect(screen.queryByText('第1行')).toBeNull()
    expect(listBlocks()).toHaveLength(200 / BLOCK_SIZE)
    const first = listBlocks()[0] as HTMLElement
    expect(first.className).toBe('windowed-list__spacer')
    expect(first.style.height).toBe(`${BLOCK_SIZE * STUB_ROW_HEIGHT}px`)
  })

  it('brings the first items back when the parent scrolls up to them, and lets the far end go', () => {
    const { rerender } = render(<List items={rows(20)} />)
    scrollThrough(200, rerender)

    scrollToBlock(0)

    expect(screen.getByText('第1行')).toBeTruthy()
    expect(screen.getByText('第20行')).toBeTruthy()
    expect(screen.queryByText('第200行')).toBeNull()
    expect(renderedRows()).toBeLessThanOrEqual(WINDOW_ITEMS)

    scrollToBlock(10)
    expect(screen.getByText('第101行')).toBeTruthy()
    expect(screen.queryByText('第1行')).toBeNull()
  })

  it('starts afresh when the list is replaced by another (new filters)', () => {
    const { rerender } = render(<List items={rows(20)} />)
    scrollThrough(100, rerender)

    rerender(<List items={rows(10, '新')} />)

    expect(renderedRows()).toBe(10)
    expect(screen.getByText('新1行')).toBeTruthy()
    expect(listBlocks()).toHaveLength(1)
  })
})

describe('renderedBlocks', () => {
  const keys = Array.from({ length: 12 }, (_, i) => `b${i}`)
  const measured = Object.fromEntries(keys.map((key) => [key, 500]))

  it('renders the blocks on screen and one either side', () => {
    expect([...renderedBlocks(keys, new Set(['b4', 'b5']), measured)]).toEqual([3, 4, 5, 6])
  })

  it('renders the newest blocks before any has reported, and every block not yet measured', () => {
    expect([...renderedBlocks(keys, new Set(), measured)]).toEqual([7, 8, 9, 10, 11])
    const { b2: _unmeasured, ...others } = measured
    expect([...renderedBlocks(keys, new Set(), others)]).toEqual([2, 7, 8, 9, 10, 11])
  })

  it('never renders more than the window, even when many blocks are on screen at once', () => {
    expect(renderedBlocks(keys, new Set(keys), measured).size).toBe(5)
  })
})
