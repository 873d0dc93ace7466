import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { describeActionError } from './http'

/** The sentence a failure is told with; null when the caller has told it another way (a field error, signing in). */
export type DescribeFailure = (error: unknown) => string | null

type ActionOptions = {
  /** Where a failure is told: 'inline' in `error`, for the form to show (the default); 'toast' for a lone button. */
  report?: 'inline' | 'toast'
}

export type Action = {
  /** Runs what a tap asked for unless an action is already running: busy meanwhile, its failure told as `report` says. */
  run: (action: () => Promise<void>, describe?: DescribeFailure) => Promise<void>
  busy: boolean
  error: string | null
  /** For the form's own checks before anything is sent. */
  setError: (error: string | null) => void
}

/** The one way a component runs a save, a cancel or a sign-up: one at a time, with what went wrong in words. */
export function useAction({ report = 'inline' }: ActionOptions = {}): Action {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // A ref, not `busy`: two taps in one frame both see the same render's `busy`.
  const running = useRef(false)
  const mounted = useRef(true)

  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  const run = useCallback(
    async (action: () => Promise<void>, describe: DescribeFailure = describeActionError) => {
      if (running.current) return
      running.current = true
      setBusy(true)
      setError(null)
      try {
        await action()
      } catch (failure) {
        const message = describe(failure)
        if (message === null) return
        // A toast outlives the component (e.g. a page already left); the inline message does not.
        if (report === 'toast') void Taro.showToast({ title: message, icon: 'none' })
        else if (mounted.current) setError(message)
      } finally {
        running.current = false
        if (mounted.current) setBusy(false)
      }
    },
    [report],
  )

  return { run, busy, error, setError }
}
