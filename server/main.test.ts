import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..')

/** Runs the BFF as `npm start` would, but with exactly the given environment; resolves when it exits. */
function runBff(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'server/main.ts'], {
      cwd: ROOT,
      env: env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    // A BFF that did start would run until stopped: stop it, and let the assertions say why.
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000)
    child.on('error', reject)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

describe('a production start of the BFF', () => {
  it('without its settings exits non-zero before touching anything, naming every missing setting', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-production-start-'))
    const { code, stdout, stderr } = await runBff({ NODE_ENV: 'production', DATA_DIR: dataDir, PORT: '0' })
    expect(code).not.toBe(0)
    expect(code).not.toBeNull()
    expect(stderr).toContain('NODE_ENV=production: the BFF does not start with stand-ins or demo data')
    for (const name of ['WECHAT_APP_ID', 'WECHAT_APP_SECRET', 'SMS_SENDER=tencent', 'COMPLAINT_INTAKE_URLS', 'SEED_DEMO=false', 'JWT_SECRET']) {
      expect(stderr).toContain(`  - ${name}`)
    }
    expect(stdout).not.toMatch(/stand-in/)
    // No database, no generated JWT secret file: it stopped before opening anything.
    expect(fs.readdirSync(dataDir)).toEqual([])
  })
})
