import { defineStateMachine, type SeenState } from './state-machine'

type Status = 'open' | 'done' | 'closed'
type Action = 'finish' | 'close'

const machine = defineStateMachine<Status, Action>({
  moves: { finish: { from: ['open'], to: 'done' }, close: { from: ['open', 'done'], to: 'closed' } },
  refusal: ({ action, current, allowed }) => `cannot ${action} when ${current}, only when ${allowed.join(' or ')}`,
  changedMeanwhile: 'changed meanwhile',
  gone: () => new Error('gone'),
})

/** A row in memory, with what each step wrote to it. */
function aRow(now: SeenState<Status> | undefined) {
  const written: string[] = []
  return {
    written,
    step: (action: Action, seen: SeenState<Status>) => ({
      action,
      seen,
      lock: async () => {
        written.push('lock')
        return now
      },
      update: async (to: Status) => {
        written.push(`update ${to}`)
      },
      record: async (from: Status, to: Status) => {
        written.push(`record ${from}→${to}`)
      },
    }),
  }
}

describe('defineStateMachine', () => {
  it('names the next status of an allowed action, and refuses any other with 409 saying why', () => {
    expect(machine.next('finish', 'open')).toBe('done')
    expect(() => machine.next('finish', 'done')).toThrow(expect.objectContaining({ statusCode: 409, message: 'cannot finish when done, only when open' }))
  })

  it('locks the row, writes the change and its history row, and returns the new status', async () => {
    const row = aRow({ status: 'open', version: 3 })
    expect(await machine.apply(row.step('finish', { status: 'open', version: 3 }))).toBe('done')
    expect(row.written).toEqual(['lock', 'update done', 'record open→done'])
  })

  it('refuses without locking when the status the caller saw rules the action out', async () => {
    const row = aRow({ status: 'done' })
    await expect(machine.apply(row.step('finish', { status: 'done' }))).rejects.toMatchObject({ statusCode: 409 })
    expect(row.written).toEqual([])
  })

  it('refuses with the reason when the row moved meanwhile to a status that rules the action out', async () => {
    const row = aRow({ status: 'closed', version: 4 })
    await expect(machine.apply(row.step('close', { status: 'done', version: 3 }))).rejects.toMatchObject({
      statusCode: 409,
      message: 'cannot close when closed, only when open or done',
    })
    expect(row.written).toEqual(['lock'])
  })

  it('asks to reload when the row changed meanwhile, even to a status that allows the action', async () => {
    for (const [now, seen] of [
      [{ status: 'done' }, { status: 'open' }],
      [
        { status: 'open', version: 4 },
        { status: 'open', version: 3 },
      ],
    ] as const) {
      const row = aRow(now)
      await expect(machine.apply(row.step('close', seen))).rejects.toMatchObject({ statusCode: 409, message: 'changed meanwhile' })
      expect(row.written).toEqual(['lock'])
    }
  })

  it('says so when the row is gone', async () => {
    await expect(machine.apply(aRow(undefined).step('close', { status: 'open' }))).rejects.toThrow('gone')
  })
})
