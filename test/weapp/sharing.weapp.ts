import { bff, launch } from './support'
import type { MiniProgram } from './harness/mini-program'

type Item = { id: string; name?: string; title?: string }
const first = async (path: string) => (await bff().api<{ items: Item[] }>(path)).items[0]

/** What a friend sees when they open a forwarded card, and when they open the 朋友圈 post. */
async function receivers(sender: MiniProgram, expected: string) {
  const card = sender.share()
  expect(card.title).toContain(expected)
  const friend = await launch({ path: card.path })
  await friend.waitForText(expected)
  expect(friend.currentRoute).toBe(sender.currentRoute)

  const post = sender.shareTimeline()
  expect(post.title).toContain(expected)
  const reader = await launch({ path: `${sender.currentRoute}?${post.query}` })
  await reader.waitForText(expected)
}

describe('forwarding to a chat and sharing to 朋友圈 open the same page for the receiver', () => {
  it('an institution', async () => {
    const institution = await first('/api/institutions?region=220100&sort=grade&pageSize=1')
    const mp = await launch({ path: `pages/institution/index?id=${institution.id}` })
    await mp.waitForText(institution.name!)
    await receivers(mp, institution.name!)
  })

  it('a class', async () => {
    const item = await first('/api/classes?pageSize=1')
    const mp = await launch({ path: `pages/class/index?id=${item.id}` })
    await mp.waitForText(item.title!)
    await receivers(mp, item.title!)
  })

  it('an article', async () => {
    const article = await first('/api/articles?pageSize=1')
    const mp = await launch({ path: `pages/articles/detail?id=${article.id}` })
    await mp.waitForText(article.title!)
    await receivers(mp, article.title!)
  })

  it('a bulletin', async () => {
    const bulletin = await first('/api/bulletins?pageSize=1')
    const mp = await launch({ path: `pages/bulletins/detail?id=${bulletin.id}` })
    await mp.waitForText(bulletin.title!)
    await receivers(mp, bulletin.title!)
  })
})
