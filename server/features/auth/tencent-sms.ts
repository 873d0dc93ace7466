import { createHash, createHmac } from 'node:crypto'
import { CodeDeliveryError, type CodeSender } from './code-sender'

/** Tencent Cloud SMS (云短信), API 3.0: one SendSms call per code. */
export const TENCENT_SMS_ENDPOINT = 'https://sms.tencentcloudapi.com'
const SERVICE = 'sms'
const ACTION = 'SendSms'
const VERSION = '2021-01-11'
// Sent exactly as signed: Tencent compares the content type it received with the signed one.
const CONTENT_TYPE = 'application/json; charset=utf-8'
const TIMEOUT_MS = 5000

export interface TencentSmsSettings {
  secretId: string
  secretKey: string
  /** The SMS application's SdkAppId (1400…), from the SMS console. */
  sdkAppId: string
  /** The approved signature (短信签名), e.g. 吉林托育. */
  signName: string
  /** The approved verification-code template; its only parameter {1} is the code. */
  templateId: string
  region: string
  endpoint: string
}

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')
const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text, 'utf8').digest()

/**
 * The Authorization header of a Tencent Cloud API 3.0 POST (TC3-HMAC-SHA256): the canonical request (method, path '/',
 * no query, the signed headers lower-cased and sorted, the payload's SHA-256), the string to sign with the UTC date of
 * the timestamp, and a key derived from the secret through the date, the service and "tc3_request".
 */
export function tc3Authorization(input: {
  secretId: string
  secretKey: string
  service: string
  /** Unix seconds, also sent as X-TC-Timestamp. */
  timestamp: number
  payload: string
  /** The headers to sign, as sent (at least content-type and host). */
  signedHeaders: Record<string, string>
}): string {
  const headers = Object.entries(input.signedHeaders)
    .map(([name, value]) => [name.toLowerCase(), value.trim().toLowerCase()] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const names = headers.map(([name]) => name).join(';')
  const canonicalRequest = ['POST', '/', '', headers.map(([name, value]) => `${name}:${value}\n`).join(''), names, sha256Hex(input.payload)].join('\n')
  const date = new Date(input.timestamp * 1000).toISOString().slice(0, 10)
  const scope = `${date}/${input.service}/tc3_request`
  const stringToSign = ['TC3-HMAC-SHA256', String(input.timestamp), scope, sha256Hex(canonicalRequest)].join('\n')
  const signingKey = hmac(hmac(hmac(`TC3${input.secretKey}`, date), input.service), 'tc3_request')
  const signature = createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex')
  return `TC3-HMAC-SHA256 Credential=${input.secretId}/${scope}, SignedHeaders=${names}, Signature=${signature}`
}

/** Mainland numbers as the BFF keeps them (13800000000) become E.164 (+8613800000000), as SendSms wants them. */
export const toE164 = (phone: string) => (phone.startsWith('+') ? phone : `+86${phone}`)

// Error codes that say Tencent had a passing fault rather than refusing this send.
const PASSING_FAULT = /^(InternalError|RequestLimitExceeded|ResourceUnavailable|ServiceUnavailable)/

interface SendSmsAnswer {
  Response?: {
    Error?: { Code?: unknown; Message?: unknown }
    SendStatusSet?: Array<{ Code?: unknown; Message?: unknown }>
    RequestId?: unknown
  }
}

/**
 * Sends each sign-in code with SendSms. Resolves only when Tencent accepted the message for the number
 * (SendStatusSet[0].Code "Ok"); anything else rejects with a CodeDeliveryError, so the request for a code fails
 * instead of telling the user a code is on its way.
 */
export function tencentSmsSender(settings: TencentSmsSettings, options: { timeoutMs?: number; now?: () => number } = {}): CodeSender {
  const host = new URL(settings.endpoint).host
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS
  const now = options.now ?? Date.now
  return {
    async send(phone, code) {
      const e164 = toE164(phone)
      // What Tencent says may echo the number: keep only its masked form in anything that reaches the log.
      const scrub = (text: string) => text.split(e164).join(mask(e164)).split(phone).join(mask(phone))
      const payload = JSON.stringify({
        PhoneNumberSet: [e164],
        SmsSdkAppId: settings.sdkAppId,
        SignName: settings.signName,
        TemplateId: settings.templateId,
        TemplateParamSet: [code],
      })
      const timestamp = Math.floor(now() / 1000)
      const signedHeaders = { 'content-type': CONTENT_TYPE, host, 'x-tc-action': ACTION.toLowerCase() }
      const authorization = tc3Authorization({
        secretId: settings.secretId,
        secretKey: settings.secretKey,
        service: SERVICE,
        timestamp,
        payload,
        signedHeaders,
      })

      let status: number
      let answer: SendSmsAnswer
      try {
        const response = await fetch(settings.endpoint, {
          method: 'POST',
          headers: {
            Authorization: authorization,
            'Content-Type': CONTENT_TYPE,
            'X-TC-Action': ACTION,
            'X-TC-Version': VERSION,
            'X-TC-Timestamp': String(timestamp),
            'X-TC-Region': settings.region,
          },
          body: payload,
          signal: AbortSignal.timeout(timeoutMs),
        })
        status = response.status
        answer = (await response.json()) as SendSmsAnswer
      } catch (error) {
        const reason = (error as { name?: unknown } | null)?.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : describeFailure(error)
        throw new CodeDeliveryError('unavailable', `Tencent SMS unreachable: ${scrub(reason)}`)
      }

      const requestId = typeof answer.Response?.RequestId === 'string' ? ` (RequestId ${answer.Response.RequestId})` : ''
      const error = answer.Response?.Error
      if (error) {
        const errorCode = String(error.Code ?? 'unknown')
        const detail = scrub(`Tencent SMS refused SendSms: ${errorCode} ${String(error.Message ?? '')}${requestId}`)
        throw new CodeDeliveryError(PASSING_FAULT.test(errorCode) || status >= 500 ? 'unavailable' : 'refused', detail)
      }
      if (status >= 500) throw new CodeDeliveryError('unavailable', `Tencent SMS answered HTTP ${status}${requestId}`)
      const sent = answer.Response?.SendStatusSet?.[0]
      if (!sent) throw new CodeDeliveryError('refused', `Tencent SMS answered HTTP ${status} without a send status${requestId}`)
      if (sent.Code !== 'Ok') {
        const sentCode = String(sent.Code ?? 'unknown')
        throw new CodeDeliveryError(
          PASSING_FAULT.test(sentCode) ? 'unavailable' : 'refused',
          scrub(`Tencent SMS did not send to ${mask(e164)}: ${sentCode} ${String(sent.Message ?? '')}${requestId}`),
        )
      }
    },
  }
}

function mask(phone: string) {
  return `${phone.slice(0, -8)}****${phone.slice(-4)}`
}

/** fetch hides the reason (ECONNREFUSED, ENOTFOUND…) in `cause`. Duck-typed: fetch's errors may come from another realm. */
function describeFailure(error: unknown): string {
  const { message, cause } = (error ?? {}) as { message?: unknown; cause?: { code?: unknown; message?: unknown } }
  if (typeof message !== 'string') return String(error)
  return cause && typeof cause === 'object' ? `${message}: ${String(cause.code ?? cause.message)}` : message
}
