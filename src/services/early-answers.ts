import type { AxiosInstance } from 'axios'
import type { EarlyPosition } from './early-requests'

// The mini-program has no index.html and nothing starts early: the H5 build uses early-answers.h5.ts.

export function takeOverEarlyAnswers(_client: AxiosInstance): void {}

export function takeEarlyPosition(): Promise<EarlyPosition | null> {
  return Promise.resolve(null)
}
