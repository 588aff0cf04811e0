// SigV4 verification as AWS does it: parse the Authorization header, rebuild the request from the
// headers it names, sign that with the known secret and compare. The signer is @smithy/signature-v4,
// the one the SDK signs with, so the canonical request is built the same way on both sides; the date
// signed is the request's own x-amz-date, so a client clock that is off does not matter here.
import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import { Sha256 } from '@smithy/core/checksum'
import { HttpRequest } from '@smithy/core/protocols'
import { SignatureV4 } from '@smithy/signature-v4'
import { FakeServiceError } from './fake-wire.ts'

export const SIGNING_SERVICE = 'partnercentral-selling'
export const SIGNING_REGION = 'us-east-1'

export interface FakeCredentials {
  accessKeyId: string
  secretAccessKey: string
}

/** A request as it arrived: the raw path, the headers node parsed and the body as text. */
export interface ReceivedRequest {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
}

export interface SignatureCheck {
  /** The key id the request claims (null when it has no readable Authorization header). */
  accessKeyId: string | null
  valid: boolean
  /** The 403 to answer with when not valid. */
  failure: FakeServiceError | null
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/\s,]+)\/(\d{8})\/([^/\s,]+)\/([^/\s,]+)\/aws4_request, ?SignedHeaders=([a-z0-9;_.-]+), ?Signature=([0-9a-f]{64})$/
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/

export async function verifySignature(
  request: ReceivedRequest,
  credentials: FakeCredentials,
): Promise<SignatureCheck> {
  const authorization = header(request.headers, 'authorization')
  if (!authorization) {
    return refuse(null, 'MissingAuthenticationTokenException', 'Missing Authentication Token')
  }
  const parts = AUTHORIZATION.exec(authorization)
  if (!parts) return refuse(null, 'InvalidSignatureException', 'The Authorization header is not SigV4')
  const [, accessKeyId = '', scopeDate, region, service, signedList = '', signature = ''] = parts
  if (accessKeyId !== credentials.accessKeyId) {
    return refuse(
      accessKeyId,
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    )
  }
  if (region !== SIGNING_REGION || service !== SIGNING_SERVICE) {
    return refuse(
      accessKeyId,
      'InvalidSignatureException',
      `Credential should be scoped to ${SIGNING_REGION}/${SIGNING_SERVICE}`,
    )
  }
  const amzDate = header(request.headers, 'x-amz-date') ?? ''
  const signingDate = parseAmzDate(amzDate)
  const signedHeaders = signedList.split(';')
  if (!signingDate || amzDate.slice(0, 8) !== scopeDate || !signedHeaders.includes('host')) {
    return refuse(
      accessKeyId,
      'InvalidSignatureException',
      'The credential scope, x-amz-date or signed headers are wrong',
    )
  }
  // getPayloadHash trusts a present x-amz-content-sha256, so the body is held against it here.
  const declaredHash = header(request.headers, 'x-amz-content-sha256')
  if (
    declaredHash !== undefined &&
    declaredHash !== createHash('sha256').update(request.body).digest('hex')
  ) {
    return refuse(accessKeyId, 'InvalidSignatureException', 'x-amz-content-sha256 does not match the body')
  }

  const expected = await expectedAuthorization(request, credentials, signedHeaders, signingDate)
  const expectedParts = AUTHORIZATION.exec(expected)
  const same =
    expectedParts?.[5] === signedList &&
    timingSafeEqual(Buffer.from(expectedParts[6] ?? ''), Buffer.from(signature))
  if (!same) {
    return refuse(
      accessKeyId,
      'InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided.',
    )
  }
  return { accessKeyId, valid: true, failure: null }
}

async function expectedAuthorization(
  request: ReceivedRequest,
  credentials: FakeCredentials,
  signedHeaders: string[],
  signingDate: Date,
): Promise<string> {
  const url = new URL(request.url, 'http://fake.invalid')
  const headers: Record<string, string> = {}
  for (const name of signedHeaders) {
    const value = header(request.headers, name)
    if (value !== undefined) headers[name] = value
  }
  const query: Record<string, string | string[]> = {}
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key)
    query[key] = values.length === 1 ? (values[0] ?? '') : values
  }
  const signer = new SignatureV4({
    credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
    region: SIGNING_REGION,
    service: SIGNING_SERVICE,
    sha256: Sha256,
    applyChecksum: false,
  })
  const signed = await signer.sign(
    new HttpRequest({
      method: request.method,
      protocol: 'http:',
      hostname: headers.host ?? '',
      path: decodeURIComponent(url.pathname),
      query,
      headers,
      body: request.body,
    }),
    { signingDate, signableHeaders: new Set(signedHeaders) },
  )
  return String(signed.headers.authorization ?? '')
}

function parseAmzDate(value: string): Date | null {
  const parts = AMZ_DATE.exec(value)
  if (!parts) return null
  const [, year, month, day, hour, minute, second] = parts.map(Number)
  const date = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second))
  return Number.isNaN(date.getTime()) ? null : date
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value.join(',') : value
}

function refuse(accessKeyId: string | null, type: string, message: string): SignatureCheck {
  return { accessKeyId, valid: false, failure: new FakeServiceError(type, 403, message) }
}
