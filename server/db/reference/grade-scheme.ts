import type { GradeScheme } from '../../../types/grades'

/**
 * The evaluation scheme as data. Unverified: the 1000-point scale, the A–D levels, their thresholds and the
 * per-dimension maxima come from secondary sources, not from the text of WS/T 821-2023. Change the numbers
 * here (and re-seed) when the official scheme is confirmed; no code depends on them.
 * `dimensions` is ordered: CSV imports list dimension scores in this order.
 */
export const GRADE_SCHEME: GradeScheme = {
  standard: 'WS/T 821-2023 托育机构质量评估标准',
  maxScore: 1000,
  levels: [
    { code: 'A', label: 'A级（优秀）', rank: 4, minScore: 900 },
    { code: 'B', label: 'B级（良好）', rank: 3, minScore: 750 },
    { code: 'C', label: 'C级（合格）', rank: 2, minScore: 600 },
    { code: 'D', label: 'D级（不合格）', rank: 1, minScore: 0 },
  ],
  dimensions: [
    { code: 'conditions', name: '办托条件', maxScore: 150 },
    { code: 'staffing', name: '托育队伍', maxScore: 150 },
    { code: 'care', name: '保育照护', maxScore: 200 },
    { code: 'health', name: '卫生保健', maxScore: 150 },
    { code: 'support', name: '养育支持', maxScore: 100 },
    { code: 'safety', name: '安全保障', maxScore: 150 },
    { code: 'management', name: '机构管理', maxScore: 100 },
  ],
}
