import { act, waitFor } from '@testing-library/react'
import { BLOCK_SIZE, MAX_RENDERED_BLOCKS } from '../../src/components/windowed-list'
import { fireReachBottom, showOnScreen } from '../stubs/taro'

/** The most items a long list may keep rendered, however far the parent has scrolled. */
export const WINDOW_ITEMS = BLOCK_SIZE * MAX_RENDERED_BLOCKS

/** The blocks of the long list on the page, rendered or standing in as spacers, in order. */
export const listBlocks = (): Element[] => [...document.querySelectorAll('.windowed-list > *')]

/** The parent scrolls until this block of the long list is on screen (and the others are not). */
export function scrollToBlock(index: number | 'last'): void {
  const blocks = listBlocks()
  const target = index === 'last' ? blocks[blocks.length - 1] : blocks[index]
  if (!target) throw new Error(`the list has no block ${index} (it has ${blocks.length})`)
  act(() => showOnScreen((element) => element === target))
}

/** The parent reads on: scrolls to the end of the list and the next page loads, until `pages` pages are in and read. */
export async function readPages(pages: number): Promise<void> {
  for (let page = 2; page <= pages; page += 1) {
    const before = listBlocks().length
    scrollToBlock('last')
    await act(async () => fireReachBottom())
    await waitFor(() => expect(listBlocks().length).toBeGreaterThan(before))
  }
  scrollToBlock('last')
}

/** A uuid per index, for generated items. */
export const uuidOf = (index: number, prefix = '0000') => `${prefix.padStart(8, '0')}-0000-4000-8000-${String(index).padStart(12, '0')}`
