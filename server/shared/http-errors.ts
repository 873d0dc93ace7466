/** A 4xx answer with a message for the user and the name of the input at fault. */
export class ClientError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }
}

export const badRequest = (field: string, message: string) => new ClientError(400, message, field)
export const notFound = (message: string) => new ClientError(404, message)

export const conflict = (message: string, field?: string) => new ClientError(409, message, field)
