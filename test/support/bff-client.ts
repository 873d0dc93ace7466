import fs from 'node:fs'

/** Calls a running BFF the way a client would (connection: close, so no socket outlives the test). */
export function bffClient(baseUrl: string, logFile: string) {
  async function api<T>(path: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<T> {
    const headers: Record<string, string> = { connection: 'close' }
    if (init.body !== undefined) headers['content-type'] = 'application/json'
    if (init.token) headers.authorization = `Bearer ${init.token}`
    const response = await fetch(`${baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    })
    const text = await response.text()
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${text}`)
    return (text ? JSON.parse(text) : undefined) as T
  }

  const codesFor = (phone: string) => [...fs.readFileSync(logFile, 'utf8').matchAll(new RegExp(`sign-in code for ${phone}: (\\d{6})`, 'g'))].map((m) => m[1])

  /** The newest development sign-in code the BFF logged for this phone (the `log` code sender), once more than `after` are logged. */
  async function signInCodeFromLog(phone: string, { after = 0, timeoutMs = 10_000 } = {}): Promise<string> {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      const codes = codesFor(phone)
      if (codes.length > after) return codes[codes.length - 1]
      await new Promise((r) => setTimeout(r, 200))
    }
    throw new Error(`no sign-in code for ${phone} in the BFF log`)
  }

  /**
   * Signs in through the phone-code API, reading the code from the BFF log as a developer would. Another test file may
   * have asked a code for the same phone (the regulator's) within the minute: like the app, it waits as Retry-After says.
   */
  async function signInByApi(phone: string): Promise<string> {
    const after = codesFor(phone).length
    for (;;) {
      const response = await fetch(`${baseUrl}/api/auth/phone/code`, {
        method: 'POST',
        headers: { connection: 'close', 'content-type': 'application/json' },
        body: JSON.stringify({ phone }),
      })
      const text = await response.text()
      if (response.ok) break
      if (response.status !== 429) throw new Error(`POST /api/auth/phone/code: ${response.status} ${text}`)
      await new Promise((r) => setTimeout(r, Number(response.headers.get('retry-after') ?? 1) * 1000))
    }
    const code = await signInCodeFromLog(phone, { after })
    const session = await api<{ accessToken: string }>('/api/auth/phone', { method: 'POST', body: { phone, code } })
    return session.accessToken
  }

  return { api, signInCodeFromLog, signInByApi }
}
