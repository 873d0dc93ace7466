import type { NoticeCategory } from '../../../types/notices'

/** The categories in the order the compose page offers them (types/notices.ts NOTICE_CATEGORIES; the app imports types only). */
export const NOTICE_CATEGORY_ORDER: readonly NoticeCategory[] = ['notice', 'meeting', 'activity', 'inspection', 'fees', 'other']
