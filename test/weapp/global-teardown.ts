import { stopBff, type BffProcess } from '../support/bff-process'

export default async function globalTeardown() {
  await stopBff((globalThis as Record<string, unknown>).__WEAPP__ as BffProcess | undefined)
}
