import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { closeServer, listenLocally, readBody } from '../../shared/stand-in-http'

/**
 * A stand-in for Tencent Cloud SMS's SendSms (API 3.0, 2021-01-11), for tests: it checks each request as Tencent does
 * (TC3-HMAC-SHA256 signature over the headers and body it actually received, the timestamp within 5 minutes, action,
 * version, SdkAppId, E.164 numbers) and records what would have been sent. Its signature check is written apart from
 * the sender's signing on purpose: one cannot hide a mistake of the other.
 */
export interface SmsStandIn {
  url: string
  secretId: string
  secretKey: string
  sdkAppId: string
  /** Messages accepted for sending, oldest first. */
  messages: SentSms[]
  /** Every request's X-TC-Region, oldest first. */
  regions: string[]
  /** Answers sends to this E.164 number with this SendStatusSet code (e.g. LimitExceeded.PhoneNumberDailyLimit). */
  refuse(phone: string, code: string): void
  /** Holds every answer this long (0: answer at once). */
  delay(ms: number): void
  close(): Promise<void>
}

export interface SentSms {
  phone: string
  signName: string
  templateId: string
  params: string[]
  receivedAt: string
}

export interface SmsStandInOptions {
  secretId?: string
  secretKey?: string
  sdkAppId?: string
}

const MAX_SKEW_SECONDS = 300
const AUTHORIZATION =
  /^TC3-HMAC-SHA256 Credential=([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/([a-z]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/

class TencentError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export async function startSmsStandIn(options: SmsStandInOptions = {}): Promise<SmsStandIn> {
  const secretId = options.secretId ?? 'AKIDstandin0000000000000000000000'
  const secretKey = options.secretKey ?? 'stand-in-secret-key'
  const sdkAppId = options.sdkAppId ?? '1400000000'
  const messages: SentSms[] = []
  const regions: string[] = []
  const refusals = new Map<string, string>()
  let delayMs = 0

  function checkSignature(request: IncomingMessage, body: string) {
    const auth = AUTHORIZATION.exec(header(request, 'authorization'))
    if (!auth) throw new TencentError('AuthFailure.InvalidAuthorization', 'Authorization is not TC3-HMAC-SHA256 as specified')
    const [, credentialId, date, service, signedNames, signature] = auth as unknown as [string, string, string, string, string, string]
    if (credentialId !== secretId) throw new TencentError('AuthFailure.SecretIdNotFound', 'The SecretId is not found')
    const timestamp = Number(header(request, 'x-tc-timestamp'))
    if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > MAX_SKEW_SECONDS) {
      throw new TencentError('AuthFailure.SignatureExpire', 'X-TC-Timestamp is missing or more than 5 minutes from now')
    }
    const names = signedNames.split(';')
    if (!names.includes('content-type') || !names.includes('host') || [...names].sort().join(';') !== signedNames) {
      throw new TencentError('AuthFailure.SignatureFailure', 'SignedHeaders must list content-type and host, sorted')
    }
    const canonicalHeaders = names.map((name) => `${name}:${header(request, name).toLowerCase()}\n`).join('')
    const canonical = `POST\n${request.url}\n\n${canonicalHeaders}\n${signedNames}\n${createHash('sha256').update(body).digest('hex')}`
    const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/${service}/tc3_request\n${createHash('sha256').update(canonical).digest('hex')}`
    let key: Buffer = createHmac('sha256', `TC3${secretKey}`).update(date).digest()
    for (const part of [service, 'tc3_request']) key = createHmac('sha256', key).update(part).digest()
    const expected = createHmac('sha256', key).update(toSign).digest()
    if (service !== 'sms' || date !== new Date(timestamp * 1000).toISOString().slice(0, 10) || !timingSafeEqual(expected, Buffer.from(signature, 'hex'))) {
      throw new TencentError('AuthFailure.SignatureFailure', 'The provided credentials could not be validated. Please check your signature is correct.')
    }
  }

  function sendSms(request: IncomingMessage, body: string) {
    checkSignature(request, body)
    if (header(request, 'x-tc-action') !== 'SendSms') throw new TencentError('InvalidAction', 'The action requested does not exist')
    if (header(request, 'x-tc-version') !== '2021-01-11') throw new TencentError('NoSuchVersion', 'The requested version does not exist')
    regions.push(header(request, 'x-tc-region'))
    let params: { PhoneNumberSet?: unknown; SmsSdkAppId?: unknown; SignName?: unknown; TemplateId?: unknown; TemplateParamSet?: unknown }
    try {
      params = JSON.parse(body)
    } catch {
      throw new TencentError('InvalidParameter', 'The body is not JSON')
    }
    if (params.SmsSdkAppId !== sdkAppId) throw new TencentError('InvalidParameterValue.SdkAppIdNotExist', 'SdkAppId does not exist')
    if (typeof params.SignName !== 'string' || !params.SignName) throw new TencentError('FailedOperation.SignatureIncorrectOrUnapproved', 'SignName is missing')
    if (typeof params.TemplateId !== 'string' || !params.TemplateId)
      throw new TencentError('FailedOperation.TemplateIncorrectOrUnapproved', 'TemplateId is missing')
    const phones = Array.isArray(params.PhoneNumberSet) ? params.PhoneNumberSet : []
    const templateParams = Array.isArray(params.TemplateParamSet) ? params.TemplateParamSet.map(String) : []
    const { SignName: signName, TemplateId: templateId } = params
    return phones.map((phone) => {
      const number = String(phone)
      const status = (code: string, message: string) => ({
        SerialNo: randomUUID(),
        PhoneNumber: number,
        Fee: code === 'Ok' ? 1 : 0,
        SessionContext: '',
        Code: code,
        Message: message,
        IsoCode: 'CN',
      })
      if (!/^\+861[3-9][0-9]{9}$/.test(number)) return status('InvalidParameterValue.IncorrectPhoneNumber', `${number} is not an E.164 mainland number`)
      const refusal = refusals.get(number)
      if (refusal) return status(refusal, 'refused by the stand-in')
      messages.push({ phone: number, signName, templateId, params: templateParams, receivedAt: new Date().toISOString() })
      return status('Ok', 'send success')
    })
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const requestId = randomUUID()
    readBody(request)
      .then((body) => {
        let answer: object
        try {
          if (request.method !== 'POST' || request.url !== '/') throw new TencentError('InvalidAction', 'API 3.0 takes POST /')
          answer = { SendStatusSet: sendSms(request, body), RequestId: requestId }
        } catch (error) {
          if (!(error instanceof TencentError)) throw error
          answer = { Error: { Code: error.code, Message: error.message }, RequestId: requestId }
        }
        // Tencent answers errors with HTTP 200 and Response.Error, as here.
        setTimeout(() => {
          response.writeHead(200, { 'content-type': 'application/json' })
          response.end(JSON.stringify({ Response: answer }))
        }, delayMs)
      })
      .catch(() => {
        response.writeHead(500).end()
      })
  })
  const url = await listenLocally(server)

  return {
    url,
    secretId,
    secretKey,
    sdkAppId,
    messages,
    regions,
    refuse: (phone, code) => void refusals.set(phone, code),
    delay: (ms) => {
      delayMs = ms
    },
    close: () => closeServer(server),
  }
}

function header(request: IncomingMessage, name: string): string {
  const value = request.headers[name]
  return (Array.isArray(value) ? value.join(',') : (value ?? '')).trim()
}
