import fs from 'node:fs'
import type { ChildProcess } from 'node:child_process'

export default async function globalTeardown() {
  const state = (globalThis as Record<string, unknown>).__E2E__ as { child: ChildProcess; dataDir: string } | undefined
  if (!state) return
  if (state.child.exitCode === null) {
    const exited = new Promise((resolve) => state.child.once('exit', resolve))
    state.child.kill('SIGTERM')
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
    if (state.child.exitCode === null) state.child.kill('SIGKILL')
  }
  if (process.env.E2E_KEEP_LOG) console.log(fs.readFileSync(`${state.dataDir}/bff.log`, 'utf8'))
  fs.rmSync(state.dataDir, { recursive: true, force: true })
}
