import type { Insertable, Kysely } from 'kysely'
import type { ClassTopic } from '../../../types/classes'
import type { Database, ParentingClassesTable } from '../../db/schema'
import { chinaToday } from '../../shared/china-time'
import { insertDemoClasses, listDemoCentres } from './class-repository'
import { insertRegisteredPlaces } from './sign-up-repository'

/**
 * Demo 家长课堂 and 亲子活动 of the demo health centres, over the next three weeks. Everything is derived from the
 * centre's name and the date, so each start tops up the days that came into the window and adds nothing twice
 * (demo_key). Some classes start nearly full or with a waiting list: those seats are marked as registered at the
 * centre (no account), so the counters match the rows.
 */
export const DEMO_DAYS = 21

/** A class of the catalogue: its columns, and how long it lasts (the start comes from the day it is put on). */
type Template = Pick<Insertable<ParentingClassesTable>, 'title' | 'kind' | 'topic' | 'mode' | 'minAgeMonths' | 'maxAgeMonths' | 'capacity' | 'description'> & {
  minutes: number
}

const CATALOGUE: Template[] = [
  {
    title: '6月龄起辅食添加怎么做',
    kind: 'class',
    topic: 'feeding_nutrition',
    mode: 'offline',
    minAgeMonths: 4,
    maxAgeMonths: 12,
    capacity: 40,
    minutes: 90,
    description: '讲解辅食添加的时机、顺序与性状过渡，铁的补充和过敏食物的引入，现场演示泥糊状食物的制作，并留出时间答疑。',
  },
  {
    title: '幼儿挑食偏食的应对',
    kind: 'class',
    topic: 'feeding_nutrition',
    mode: 'offline',
    minAgeMonths: 12,
    maxAgeMonths: 36,
    capacity: 40,
    minutes: 60,
    description: '从进餐环境、餐具和家长示范入手，帮助1–3岁幼儿建立规律进餐习惯；介绍每日膳食搭配与零食选择。',
  },
  {
    title: '母乳喂养与上班后背奶',
    kind: 'class',
    topic: 'feeding_nutrition',
    mode: 'online',
    minAgeMonths: 0,
    maxAgeMonths: 12,
    capacity: 60,
    minutes: 60,
    description: '线上课堂：母乳喂养常见问题、乳汁储存与复温、上班后如何坚持母乳喂养。报名成功后可在课堂详情中看到参会链接。',
  },
  {
    title: '看懂宝宝的生长曲线',
    kind: 'class',
    topic: 'growth',
    mode: 'offline',
    minAgeMonths: 0,
    maxAgeMonths: 36,
    capacity: 50,
    minutes: 60,
    description: '教家长读懂儿童保健手册中的身长、体重、头围曲线，什么情况需要复查；可携带儿童保健手册现场咨询。',
  },
  {
    title: '宝宝的第一颗牙与口腔保健',
    kind: 'class',
    topic: 'growth',
    mode: 'offline',
    minAgeMonths: 6,
    maxAgeMonths: 36,
    capacity: 40,
    minutes: 60,
    description: '出牙期护理、刷牙方法与含氟牙膏的使用、奶瓶龋的预防，口腔科医生现场示范指套牙刷和儿童牙刷的用法。',
  },
  {
    title: '1岁以内宝宝睡眠规律建立',
    kind: 'class',
    topic: 'growth',
    mode: 'online',
    minAgeMonths: 0,
    maxAgeMonths: 12,
    capacity: 60,
    minutes: 60,
    description: '线上课堂：婴儿睡眠周期、昼夜节律的建立、夜醒与哄睡，安全睡眠环境的要求。报名成功后可看到参会链接。',
  },
  {
    title: '1–2岁宝宝语言发育促进',
    kind: 'class',
    topic: 'early_development',
    mode: 'offline',
    minAgeMonths: 12,
    maxAgeMonths: 24,
    capacity: 30,
    minutes: 60,
    description: '语言发育的关键阶段与常见误区，日常生活中如何和宝宝说话、读图画书；介绍需要就医评估的信号。',
  },
  {
    title: '大运动发育与婴儿被动操',
    kind: 'activity',
    topic: 'early_development',
    mode: 'offline',
    minAgeMonths: 2,
    maxAgeMonths: 12,
    capacity: 15,
    minutes: 60,
    description: '亲子活动：在指导下为宝宝做被动操和俯卧抬头、翻身、爬行练习。请穿宽松衣物，携带一条浴巾。',
  },
  {
    title: '婴儿抚触与亲子依恋',
    kind: 'activity',
    topic: 'early_development',
    mode: 'offline',
    minAgeMonths: 0,
    maxAgeMonths: 6,
    capacity: 15,
    minutes: 60,
    description: '亲子活动：学习婴儿抚触的手法和顺序，了解安全依恋的建立。请携带浴巾和婴儿润肤油，室内温度已调适。',
  },
  {
    title: '疫苗接种常见问题答疑',
    kind: 'class',
    topic: 'disease_prevention',
    mode: 'online',
    minAgeMonths: 0,
    maxAgeMonths: 36,
    capacity: 60,
    minutes: 60,
    description: '线上课堂：国家免疫规划疫苗与非免疫规划疫苗、接种前后注意事项、接种后反应的处理，预防接种门诊护士答疑。',
  },
  {
    title: '秋冬季呼吸道疾病预防与家庭护理',
    kind: 'class',
    topic: 'disease_prevention',
    mode: 'offline',
    minAgeMonths: 0,
    maxAgeMonths: 36,
    capacity: 60,
    minutes: 60,
    description: '流感、支原体感染、诺如病毒等常见疾病的识别与预防，发热的家庭护理与就医时机。',
  },
  {
    title: '湿疹与婴幼儿过敏性疾病护理',
    kind: 'class',
    topic: 'disease_prevention',
    mode: 'offline',
    minAgeMonths: 0,
    maxAgeMonths: 24,
    capacity: 40,
    minutes: 60,
    description: '湿疹的日常护肤与用药误区，食物过敏的识别和饮食回避，过敏体质宝宝的辅食添加。',
  },
  {
    title: '气道异物急救（海姆立克法）实操',
    kind: 'activity',
    topic: 'safety_first_aid',
    mode: 'offline',
    minAgeMonths: 0,
    maxAgeMonths: 36,
    capacity: 20,
    minutes: 90,
    description: '亲子活动：急诊医生示范婴儿和幼儿的气道异物急救，家长在模拟人上逐一练习。本次活动面向家长，可带宝宝一同参加。',
  },
  {
    title: '居家安全：防跌落、防烫伤、防误食',
    kind: 'class',
    topic: 'safety_first_aid',
    mode: 'offline',
    minAgeMonths: 6,
    maxAgeMonths: 36,
    capacity: 40,
    minutes: 60,
    description: '从家里的窗、床、桌角、热水和药品说起，逐一排查居家安全隐患；讲解烫伤和误食后的紧急处理。',
  },
  {
    title: '分离焦虑与入托适应',
    kind: 'class',
    topic: 'psychology',
    mode: 'offline',
    minAgeMonths: 18,
    maxAgeMonths: 36,
    capacity: 30,
    minutes: 60,
    description: '宝宝入托前后的心理准备，如何缓解分离焦虑，家长与托育机构如何配合；适合准备入托的家庭。',
  },
  {
    title: '宝宝发脾气怎么办：幼儿情绪引导',
    kind: 'class',
    topic: 'psychology',
    mode: 'online',
    minAgeMonths: 12,
    maxAgeMonths: 36,
    capacity: 60,
    minutes: 60,
    description: '线上课堂：认识幼儿情绪发展，面对哭闹和发脾气时的回应方法，家长自身情绪的调适。报名成功后可看到参会链接。',
  },
  {
    title: '二孩家庭：大宝的情绪与手足关系',
    kind: 'class',
    topic: 'psychology',
    mode: 'offline',
    minAgeMonths: 0,
    maxAgeMonths: 36,
    capacity: 30,
    minutes: 60,
    description: '迎接二宝前后如何照顾大宝的感受，减少手足竞争，帮助孩子建立亲密的手足关系。',
  },
  {
    title: '亲子绘本共读',
    kind: 'activity',
    topic: 'parent_child_play',
    mode: 'offline',
    minAgeMonths: 12,
    maxAgeMonths: 36,
    capacity: 15,
    minutes: 60,
    description: '亲子活动：老师带领家长和宝宝共读绘本，示范提问和互动的方法，并推荐适合不同月龄的绘本书单。',
  },
  {
    title: '亲子音乐律动游戏',
    kind: 'activity',
    topic: 'parent_child_play',
    mode: 'offline',
    minAgeMonths: 10,
    maxAgeMonths: 24,
    capacity: 16,
    minutes: 45,
    description: '亲子活动：跟着儿歌和节奏做律动游戏，促进宝宝的动作协调和语言发展。请为宝宝穿防滑袜。',
  },
  {
    title: '在家也能玩的感统小游戏',
    kind: 'activity',
    topic: 'parent_child_play',
    mode: 'offline',
    minAgeMonths: 12,
    maxAgeMonths: 30,
    capacity: 20,
    minutes: 60,
    description: '亲子活动：用家中常见物品设计平衡、钻爬、抓握小游戏，现场分组体验，带回一份游戏清单。',
  },
]

const SPEAKER_TITLES: Record<ClassTopic, string[]> = {
  early_development: ['早期教育指导师', '儿童保健科主治医师'],
  feeding_nutrition: ['临床营养师', '儿童保健科副主任医师'],
  growth: ['儿童保健科主任医师', '口腔科主治医师'],
  disease_prevention: ['预防接种门诊主管护师', '全科副主任医师'],
  safety_first_aid: ['急诊科主治医师', '急诊科主管护师'],
  psychology: ['心理治疗师', '儿童心理咨询师'],
  parent_child_play: ['早期教育指导师', '亲子活动指导员'],
}
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '高', '林']
const GIVEN_NAMES = ['丽', '敏', '静', '芳', '娟', '海燕', '晓梅', '建华', '红梅', '雪', '玉兰', '春梅', '立新', '丹', '慧', '志刚']
const VENUES = ['中心二楼健康教育室', '中心三楼家长课堂教室', '中心一楼亲子活动室', '社区党群服务中心多功能厅']
const MORNING = [
  [9, 0],
  [9, 30],
  [10, 0],
]
const AFTERNOON = [
  [14, 0],
  [14, 30],
  [15, 0],
]

/** FNV-1a: a stable 32-bit hash, the same on every start and machine. */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (const char of text) {
    h ^= char.codePointAt(0)!
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

const chinaInstant = (day: string, hour: number, minute: number) =>
  new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`)
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86400_000).toISOString().slice(0, 10)

type Centre = Awaited<ReturnType<typeof listDemoCentres>>[number]

/** The demo classes of one centre on one day (none, one or two), as they would be on any start. */
export function demoClassesOn(centre: Centre, day: string) {
  // Changchun's centres run more (the provincial capital; the e2e journey starts there).
  const rate = centre.cityCode === '220100' ? 45 : 18
  const planned = []
  for (const [slot, times] of [
    ['am', MORNING],
    ['pm', AFTERNOON],
  ] as const) {
    const key = `${centre.name}|${day}|${slot}`
    const h = hash(key)
    if (h % 100 >= rate) continue
    const template = CATALOGUE[(h >>> 8) % CATALOGUE.length]
    const [hour, minute] = template.mode === 'online' ? (slot === 'am' ? [10, 0] : [15, 30]) : times[(h >>> 16) % times.length]
    const startsAt = chinaInstant(day, hour, minute)
    const titles = SPEAKER_TITLES[template.topic]
    const speaker = `${SURNAMES[(h >>> 4) % SURNAMES.length]}${GIVEN_NAMES[(h >>> 12) % GIVEN_NAMES.length]} ${titles[(h >>> 20) % titles.length]}`
    // A few nearly full, a few full with a waiting list, the rest with seats taken here and there.
    const nearlyFull = h % 9 === 0
    const full = h % 11 === 0
    const confirmed = full ? template.capacity : nearlyFull ? template.capacity - 1 - ((h >>> 3) % 3) : (h >>> 5) % Math.ceil(template.capacity / 2)
    const waiting = full ? 2 + ((h >>> 7) % 4) : 0
    planned.push({
      key,
      template,
      startsAt,
      endsAt: new Date(startsAt.getTime() + template.minutes * 60_000),
      cancellableUntil: new Date(startsAt.getTime() - (template.kind === 'activity' ? 12 : 2) * 3600_000),
      speaker,
      venue: template.mode === 'online' ? '腾讯会议' : VENUES[(h >>> 24) % VENUES.length],
      onlineUrl: template.mode === 'online' ? `https://meeting.example.cn/j/${h % 1_000_000_000}` : null,
      confirmed,
      waiting,
    })
  }
  return planned
}

/** Tops up the demo classes of the next three weeks; returns how many were added. */
export async function seedDemoClasses(db: Kysely<Database>, now = new Date()): Promise<number> {
  const centres = await listDemoCentres(db)
  if (!centres.length) return 0
  const today = chinaToday(now)
  const planned = centres
    .flatMap((centre) => Array.from({ length: DEMO_DAYS }, (_, d) => demoClassesOn(centre, addDays(today, d)).map((p) => ({ ...p, centre }))).flat())
    // A slot less than an hour away is not worth publishing any more.
    .filter((p) => p.startsAt.getTime() > now.getTime() + 3600_000)
  if (!planned.length) return 0
  return db.transaction().execute(async (trx) => {
    const inserted = await insertDemoClasses(
      trx,
      planned.map((p) => ({
        centreId: p.centre.id,
        title: p.template.title,
        kind: p.template.kind,
        topic: p.template.topic,
        mode: p.template.mode,
        description: p.template.description,
        venue: p.venue,
        address: p.template.mode === 'online' ? null : p.centre.address,
        lat: p.template.mode === 'online' ? null : p.centre.lat,
        lng: p.template.mode === 'online' ? null : p.centre.lng,
        onlineUrl: p.onlineUrl,
        startsAt: p.startsAt.toISOString(),
        endsAt: p.endsAt.toISOString(),
        cancellableUntil: p.cancellableUntil.toISOString(),
        speaker: p.speaker,
        minAgeMonths: p.template.minAgeMonths,
        maxAgeMonths: p.template.maxAgeMonths,
        capacity: p.template.capacity,
        confirmedCount: p.confirmed,
        lastQueueNumber: p.confirmed + p.waiting,
        isDemo: true,
        demoKey: p.key,
      })),
    )
    const byKey = new Map(planned.map((p) => [p.key, p]))
    await insertRegisteredPlaces(
      trx,
      inserted.flatMap(({ id, demoKey }) => {
        const p = byKey.get(demoKey)!
        return Array.from({ length: p.confirmed + p.waiting }, (_, i) => ({
          classId: id,
          userId: null,
          childId: null,
          queueNumber: i + 1,
          status: i < p.confirmed ? ('confirmed' as const) : ('waiting' as const),
        }))
      }),
    )
    return inserted.length
  })
}
