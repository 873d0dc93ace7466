import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Fragment, useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import './windowed-list.scss'

/** Items per block: the unit that is either rendered or stood in for by a spacer of its measured height. */
export const BLOCK_SIZE = 10
/** At most this many measured blocks keep their items in the page's data, whatever the length of the list. */
export const MAX_RENDERED_BLOCKS = 5
/** A block this close to the screen (px above or below) counts as on screen, so it is rendered before it scrolls in. */
const NEAR_SCREEN_PX = 800

type Props<T> = {
  items: readonly T[]
  itemKey: (item: T) => string
  renderItem: (item: T) => ReactNode
}

let lists = 0

/**
 * A long list whose rendered part stays bounded. In a mini-program every rendered item is page data sent through
 * setData, and the page's node tree only grows as a parent scrolls on: so items go in blocks, the blocks on or near
 * the screen (and one either side) are rendered, and every other block is a spacer of the height it had. Each block
 * tells when it comes near the screen (an IntersectionObserver, in WeChat and H5 alike), so scrolling back up
 * renders the earlier items again. Before any block has reported, the newest blocks are the ones rendered: the
 * parent is at the end, where "load more" put them.
 */
export function WindowedList<T>({ items, itemKey, renderItem }: Props<T>) {
  const [listId] = useState(() => `windowed-list-${(lists += 1)}`)
  // Observers and measurements look in this list's page: another page may be on top by the time a block mounts.
  const [scope] = useState(() => Taro.getCurrentInstance().page ?? undefined)
  const [onScreen, setOnScreen] = useState<ReadonlySet<string>>(() => new Set())
  const [heights, setHeights] = useState<Readonly<Record<string, number>>>({})

  const blocks = toBlocks(items)
  const keys = blocks.map((block) => itemKey(block[0]))
  const rendered = renderedBlocks(keys, onScreen, heights)
  const renderedKeys = useRef<ReadonlySet<string>>(new Set())
  renderedKeys.current = new Set(keys.filter((_, index) => rendered.has(index)))

  const measured = useCallback((key: string, height: number) => {
    setHeights((current) => (current[key] === height ? current : { ...current, [key]: height }))
  }, [])
  const seen = useCallback(
    (key: string, near: boolean, height: number | undefined) => {
      // Leaving the screen is a block's last moment as itself: its height then is what the spacer must keep.
      if (height && renderedKeys.current.has(key)) measured(key, height)
      setOnScreen((current) => (current.has(key) === near ? current : toggled(current, key, near)))
    },
    [measured],
  )

  return (
    <View className='windowed-list'>
      {blocks.map((block, index) => (
        <Block
          key={keys[index]}
          id={`${listId}-${index}`}
          blockKey={keys[index]}
          scope={scope}
          rendered={rendered.has(index)}
          height={heights[keys[index]] ?? 0}
          contents={block.map(itemKey).join()}
          onSeen={seen}
          onMeasured={measured}
        >
          {block.map((item) => (
            <Fragment key={itemKey(item)}>{renderItem(item)}</Fragment>
          ))}
        </Block>
      ))}
    </View>
  )
}

type BlockProps = {
  id: string
  blockKey: string
  scope: Taro.PageInstance | undefined
  rendered: boolean
  height: number
  /** Changes when the block's items do, so it is measured again. */
  contents: string
  onSeen: (key: string, near: boolean, height: number | undefined) => void
  onMeasured: (key: string, height: number) => void
  children: ReactNode
}

// Effects run before the mini-program's view has the new nodes: observing and measuring wait for Taro.nextTick
// (after the pending setData), or they would find nothing.
function Block({ id, blockKey, scope, rendered, height, contents, onSeen, onMeasured, children }: BlockProps) {
  useEffect(() => {
    if (!scope) return undefined
    let observer: Taro.IntersectionObserver | null = null
    let gone = false
    Taro.nextTick(() => {
      if (gone) return
      observer = Taro.createIntersectionObserver(scope)
      observer
        .relativeToViewport({ top: NEAR_SCREEN_PX, bottom: NEAR_SCREEN_PX })
        .observe(`#${id}`, (result) => onSeen(blockKey, (result.intersectionRatio ?? 0) > 0, result.boundingClientRect?.height))
    })
    return () => {
      gone = true
      observer?.disconnect()
    }
  }, [id, blockKey, scope, onSeen])

  useEffect(() => {
    if (!rendered || !scope) return undefined
    let gone = false
    Taro.nextTick(() => {
      if (gone) return
      Taro.createSelectorQuery()
        .in(scope)
        .select(`#${id}`)
        .boundingClientRect((rect) => {
          const height = rect && !Array.isArray(rect) ? rect.height : 0
          // Zero while the page is hidden: keep the last real height.
          if (!gone && height > 0) onMeasured(blockKey, height)
        })
        .exec()
    })
    return () => {
      gone = true
    }
  }, [rendered, contents, id, blockKey, scope, onMeasured])

  return rendered ? (
    <View id={id} className='windowed-list__block'>
      {children}
    </View>
  ) : (
    <View id={id} className='windowed-list__spacer' style={{ height: `${height}px` }} />
  )
}

function toBlocks<T>(items: readonly T[]): T[][] {
  const blocks: T[][] = []
  for (let start = 0; start < items.length; start += BLOCK_SIZE) blocks.push(items.slice(start, start + BLOCK_SIZE))
  return blocks
}

function toggled(set: ReadonlySet<string>, key: string, present: boolean): ReadonlySet<string> {
  const next = new Set(set)
  if (present) next.add(key)
  else next.delete(key)
  return next
}

/**
 * Which blocks render their items: those on screen and one either side (the newest ones before any has reported),
 * at most MAX_RENDERED_BLOCKS of them; and any block not yet measured, since a spacer needs its height.
 */
export function renderedBlocks(keys: readonly string[], onScreen: ReadonlySet<string>, heights: Readonly<Record<string, number>>): Set<number> {
  const near = keys.flatMap((key, index) => (onScreen.has(key) ? [index] : []))
  const last = keys.length - 1
  const to = Math.min(last, near.length ? near[near.length - 1] + 1 : last)
  const from = Math.max(0, near.length ? near[0] - 1 : 0, to - MAX_RENDERED_BLOCKS + 1)
  const rendered = new Set<number>()
  keys.forEach((key, index) => {
    if ((index >= from && index <= to) || heights[key] === undefined) rendered.add(index)
  })
  return rendered
}
