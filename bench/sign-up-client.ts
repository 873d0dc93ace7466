import http from 'node:http'

/**
 * The load client of bench/sign-ups.ts, in a process of its own so that its work never queues in a server's event loop.
 * Reads a plan (JSON) on stdin, answers the measurements (JSON) on stdout.
 * - concurrency > 0: that many requests in flight, the next one sent as one comes back;
 * - concurrency 0: every request sent at once (after one warm-up request per request, on as many keep-alive
 *   connections, so a connection per parent is open before the burst, as each phone holds its own).
 * Requests go to the targets in turn (two BFF instances behind no balancer). With `baselinePath`, the same pattern of
 * GETs of that path runs first on the same connections: the floor the sign-ups are compared with.
 */
export interface ClientPlan {
  targets: string[]
  concurrency: number
  /** GET before the measured requests, one per request, to open the connections. */
  warmUpPath: string
  baselinePath?: string
  requests: Array<{ path: string; token: string; body: string }>
}

export interface Measurement {
  latenciesMs: number[]
  statuses: Record<string, number>
  errors: string[]
  seconds: number
}

export interface ClientReport extends Measurement {
  baseline: Measurement | null
}

function send(agent: http.Agent, target: string, method: string, path: string, headers: http.OutgoingHttpHeaders, body?: string) {
  return new Promise<number>((resolve, reject) => {
    const request = http.request(`${target}${path}`, { method, agent, headers }, (response) => {
      response.on('data', () => {})
      response.on('end', () => resolve(response.statusCode ?? 0))
      response.on('error', reject)
    })
    request.on('error', reject)
    request.end(body)
  })
}

async function run(plan: ClientPlan): Promise<ClientReport> {
  const inFlight = plan.concurrency > 0 ? plan.concurrency : plan.requests.length
  const perTarget = Math.ceil(inFlight / plan.targets.length)
  const agents = plan.targets.map(() => new http.Agent({ keepAlive: true, maxSockets: perTarget, maxFreeSockets: perTarget }))
  const targetOf = (i: number) => i % plan.targets.length

  // Warm-up: open the connections (a burst then measures sign-ups, not TCP handshakes).
  await Promise.all(Array.from({ length: inFlight }, (_, i) => send(agents[targetOf(i)], plan.targets[targetOf(i)], 'GET', plan.warmUpPath, {})))

  type Request = { method: string; path: string; headers: http.OutgoingHttpHeaders; body?: string }
  const measure = async (requests: Request[]): Promise<Measurement> => {
    const latenciesMs: number[] = []
    const statuses: Record<string, number> = {}
    const errors: string[] = []
    const one = async (i: number) => {
      const { method, path, headers, body } = requests[i]
      const started = performance.now()
      try {
        const status = await send(agents[targetOf(i)], plan.targets[targetOf(i)], method, path, headers, body)
        statuses[status] = (statuses[status] ?? 0) + 1
      } catch (error) {
        errors.push((error as Error).message)
      }
      latenciesMs.push(performance.now() - started)
    }
    const started = performance.now()
    if (plan.concurrency > 0) {
      let next = 0
      await Promise.all(
        Array.from({ length: plan.concurrency }, async () => {
          while (next < requests.length) await one(next++)
        }),
      )
    } else {
      await Promise.all(requests.map((_, i) => one(i)))
    }
    return { latenciesMs, statuses, errors, seconds: (performance.now() - started) / 1000 }
  }

  const baselinePath = plan.baselinePath
  const baseline = baselinePath ? await measure(plan.requests.map(() => ({ method: 'GET', path: baselinePath, headers: {} }))) : null
  const signUps = await measure(
    plan.requests.map(({ path, token, body }) => ({
      method: 'POST',
      path,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      body,
    })),
  )
  for (const agent of agents) agent.destroy()
  return { ...signUps, baseline }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

if (require.main === module) {
  readStdin()
    .then((text) => run(JSON.parse(text) as ClientPlan))
    .then((report) => process.stdout.write(JSON.stringify(report)))
    .catch((error) => {
      console.error(error)
      process.exit(1)
    })
}
