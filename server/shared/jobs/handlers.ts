import type { ClaimedJob, DoneRecord } from './repository'

/**
 * What a handler tells the worker: nothing (done); `{ skipped }` when there was nothing to do any more (the sign-up
 * was cancelled, the parent never subscribed): done all the same, with the reason kept on the row; or `{ record }`:
 * writes that belong to the work being done (a timeline entry), made in the transaction that marks the job done, so
 * they happen once however often the work had to be repeated. Throwing means "try again later".
 */
export type JobOutcome = void | { skipped: string } | { record: DoneRecord }
export type JobHandler = (job: ClaimedJob) => Promise<JobOutcome>
export type JobHandlers = Record<string, JobHandler>
