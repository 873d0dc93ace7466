import type { ErrorCode } from '../../types/common'

/** A 4xx answer with a message for the user, the name of the input at fault, and a reason the app can act on. */
export class ClientError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly field?: string,
    readonly code?: ErrorCode,
  ) {
    super(message)
  }
}

export const badRequest = (field: string, message: string, code?: ErrorCode) => new ClientError(400, message, field, code)
export const notFound = (message: string) => new ClientError(404, message)

export const conflict = (message: string, field?: string) => new ClientError(409, message, field)
