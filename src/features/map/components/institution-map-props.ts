import type { ReactNode } from 'react'
import type { InstitutionSummary } from '../../../../types/institutions'
import type { MapArea } from '../../../utils/map-area'
import type { Origin } from '../../../utils/origin'

/** The finder's map (institution-map.tsx in the mini-program, institution-map.h5.tsx on H5). */
export type InstitutionMapProps = {
  /** The finder's loaded results, nearest first: marker i is list item i (numbered i + 1). */
  items: InstitutionSummary[]
  origin: Origin | null
  /** The searched area, if any. */
  area: MapArea | null
  /** 搜索此区域: the visible bounds in GCJ-02. */
  onSearchArea: (area: MapArea) => void
  /** The card shown for the tapped marker. */
  renderCard: (item: InstitutionSummary) => ReactNode
  /** Under the map, e.g. 已显示 10 / 共 123 · 加载更多. */
  footer?: ReactNode
}
