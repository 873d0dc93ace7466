import type { CommitteeNotice, Notice } from '../../../types/notices'
import { labelName } from '../../shared/wechat/content-security'
import { signNoticeImageUrl } from './image-urls'
import type { ImageRow } from './image-repository'
import type { NoticeForCommittee, NoticeForReader, NoticeRow } from './notice-repository'

/** A risky image is never shown to readers, whatever link they hold. */
export function presentNotice(row: NoticeForReader, allImages: ImageRow[], jwtSecret: string): Notice {
  const images = allImages.filter((i) => i.moderation !== 'risky')
  return {
    id: row.id,
    institutionId: row.institutionId,
    title: row.title,
    body: row.body,
    category: row.category,
    pinned: row.pinned,
    expiresAt: row.expiresAt,
    images: images.filter((i) => i.noticeId === row.id).map((i) => ({ id: i.id, url: signNoticeImageUrl(jwtSecret, i.id) })),
    authorName: row.authorName,
    postedAt: row.postedAt,
    updatedAt: row.updatedAt,
    version: row.version,
    read: row.read,
  }
}

export function statusOf(row: Pick<NoticeRow, 'withdrawnAt' | 'takenDownAt' | 'expiresAt'>, now = Date.now()): CommitteeNotice['status'] {
  if (row.takenDownAt) return 'taken_down'
  if (row.withdrawnAt) return 'withdrawn'
  if (row.expiresAt && Date.parse(row.expiresAt) <= now) return 'expired'
  return 'published'
}

export function presentCommitteeNotice(row: NoticeForCommittee, images: ImageRow[], jwtSecret: string): CommitteeNotice {
  const own = images.filter((i) => i.noticeId === row.id)
  return {
    ...presentNotice(row, images, jwtSecret),
    readCount: row.readCount,
    linkedParents: row.linkedParents,
    status: statusOf(row),
    takedownReason: row.takedownReason,
    // The author learns which image parents no longer see, and why.
    removedImages: own.flatMap((i, index) =>
      i.moderation === 'risky' ? [{ id: i.id, position: index + 1, reason: `微信内容安全检测认定含有${labelName(i.moderationLabel)}内容` }] : [],
    ),
  }
}
