import fs from 'node:fs'
import path from 'node:path'
import { sql, type Kysely } from 'kysely'
import { PROVINCE_CODE } from '../../../../types/roles'
import type { Database } from '../../../db/schema'
import { parseMarkup } from '../markup'
import { insertArticle, type ArticleFields } from '../repository'

/** An article this release ships: its fields, its body in `file` (markup), and `publishAt` null for "when first seeded". */
export type ShippedArticle = Omit<ArticleFields, 'body' | 'blocks'> & {
  /** Fixed for ever: seeding inserts an article only when no article has this key, so edits are never overwritten. */
  seedKey: string
  file: string
}

const PLATFORM = '吉林托育平台'

/** In the order parents should meet them: the policy pinned first, then the guides, newest first. */
export const SHIPPED_ARTICLES: ShippedArticle[] = [
  {
    seedKey: 'policy-jilin-2019-42',
    file: 'jilin-2019-42.md',
    kind: 'policy',
    title: '吉林省人民政府办公厅关于促进3岁以下婴幼儿照护服务发展的实施意见',
    summary: '吉林省托育服务的基本政策：总体要求，支持政策、登记准入、保障措施和监管体系四方面十项任务，以及组织领导。',
    tags: ['政策文件', '普惠', '优惠政策'],
    sourceDepartment: '吉林省人民政府办公厅',
    documentNumber: '吉政办发〔2019〕42号',
    // The text is dated 2019年10月15日 and names no separate date of effect.
    effectiveOn: null,
    publishAt: '2019-10-15T00:00:00+08:00',
    pinned: true,
  },
  {
    seedKey: 'guide-choosing-an-institution',
    file: 'choosing-an-institution.md',
    kind: 'guide',
    title: '如何选择托育机构',
    summary: '距离、开放时间、收费、真实空位、等级评价及其日期、退费和预付条款、家长委员会、登记备案：报名前要问清看清的几件事。',
    tags: ['选择机构'],
    sourceDepartment: PLATFORM,
    documentNumber: null,
    effectiveOn: null,
    publishAt: null,
    pinned: false,
  },
  {
    seedKey: 'guide-inclusive-childcare',
    file: 'inclusive-childcare.md',
    kind: 'interpretation',
    title: '什么是普惠托育',
    summary: '“普惠”标记是什么意思，政府怎样支持托育机构，怎样在本平台找到普惠机构。',
    tags: ['政策解读', '普惠'],
    sourceDepartment: PLATFORM,
    documentNumber: null,
    effectiveOn: null,
    publishAt: null,
    pinned: false,
  },
  {
    seedKey: 'guide-benefits-for-institutions',
    file: 'benefits-for-institutions.md',
    kind: 'interpretation',
    title: '托育机构享受的优惠政策',
    summary: '水电气按居民价格、落实财政部等六部委公告2019年第76号的税费优惠：这些政策是什么，对托育收费意味着什么。',
    tags: ['政策解读', '优惠政策'],
    sourceDepartment: PLATFORM,
    documentNumber: null,
    effectiveOn: null,
    publishAt: null,
    pinned: false,
  },
  {
    seedKey: 'guide-complaints-and-reports',
    file: 'complaints-and-reports.md',
    kind: 'guide',
    title: '怎样投诉举报',
    summary: '孩子有危险先拨打110；在本平台投诉举报的步骤，投诉转给哪个部门，怎样查询进度，还有哪些渠道。',
    tags: ['投诉举报'],
    sourceDepartment: PLATFORM,
    documentNumber: null,
    effectiveOn: null,
    publishAt: null,
    pinned: false,
  },
]

export const shippedBody = (article: ShippedArticle) => fs.readFileSync(path.join(__dirname, article.file), 'utf8')

/** Adds the shipped articles that are missing (every deployment, every start); never touches one already there. */
export async function seedArticles(db: Kysely<Database>): Promise<number> {
  let added = 0
  const { now } = (await sql<{ now: string }>`SELECT now() AS now`.execute(db)).rows[0]
  for (const [index, article] of SHIPPED_ARTICLES.entries()) {
    const { seedKey, file: _file, ...fields } = article
    const body = shippedBody(article)
    // Seconds apart, so "newest first" lists the guides in the order above.
    const publishAt = fields.publishAt ?? new Date(Date.parse(now) - index * 1000).toISOString()
    const id = await insertArticle(db, { ...fields, body, blocks: parseMarkup(body), publishAt }, { userId: null, regionCode: PROVINCE_CODE, seedKey })
    if (id) added += 1
  }
  return added
}
