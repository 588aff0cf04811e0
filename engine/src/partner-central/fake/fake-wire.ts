// The AWS JSON 1.0 wire as the fake speaks it, written from what the SDK's protocol code reads
// (@aws-sdk/core AwsJsonRpcProtocol, @smithy/core JsonShapeDeserializer): bodies are JSON objects, the
// Selling API's timestamps carry the date-time trait (ISO 8601 strings, not the protocol's default epoch
// seconds), and an error is a status, an `x-amzn-errortype` header and a `__type` in the body.
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { CATALOGS } from '../opportunity-record.ts'

export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.0'
export const TARGET_PREFIX = 'AWSPartnerCentralSelling.'

/** One answer, ready to write to the socket. */
export interface WireAnswer {
  status: number
  headers: Record<string, string>
  body: string
}

/**
 * An error the Selling API would answer with. `type` becomes `__type` (the SDK's error name); `members`
 * are the modelled fields (e.g. ValidationException's `Reason`) the SDK copies onto the exception.
 */
export class FakeServiceError extends Error {
  readonly type: string
  readonly status: number
  readonly members: Readonly<Record<string, unknown>>

  constructor(type: string, status: number, message: string, members: Record<string, unknown> = {}) {
    super(message)
    this.name = type
    this.type = type
    this.status = status
    this.members = members
  }
}

export function validationError(message: string, reason = 'REQUEST_VALIDATION_FAILED'): FakeServiceError {
  return new FakeServiceError('ValidationException', 400, message, { Reason: reason })
}

export function notFoundError(message: string): FakeServiceError {
  return new FakeServiceError('ResourceNotFoundException', 404, message)
}

export function conflictError(message: string): FakeServiceError {
  return new FakeServiceError('ConflictException', 409, message)
}

export function throttlingError(): FakeServiceError {
  return new FakeServiceError('ThrottlingException', 429, 'Rate exceeded')
}

/** A JSON answer; JSON.stringify writes Dates as toISOString(), which is what the SDK parses back. */
export function answerJson(output: object): WireAnswer {
  return { status: 200, headers: baseHeaders(), body: JSON.stringify(output) }
}

/**
 * An error answer. The body carries the message twice: `message` becomes the exception's `message`, and
 * `Message` fills the member the model declares (the SDK copies body fields named like members).
 */
export function answerError(error: FakeServiceError): WireAnswer {
  const body = { __type: error.type, message: error.message, Message: error.message, ...error.members }
  return {
    status: error.status,
    headers: { ...baseHeaders(), 'x-amzn-errortype': error.type },
    body: JSON.stringify(body),
  }
}

/** A 200 whose body is cut off mid-value, as a dropped connection or a broken proxy would leave it. */
export function answerMalformed(): WireAnswer {
  return { status: 200, headers: baseHeaders(), body: '{"Message": "this answer was cut o' }
}

/** The request body as a JSON object; anything else is the SerializationException AWS answers. */
export function parseRequestBody(text: string): Record<string, unknown> {
  let parsed: unknown
  try {
    parsed = JSON.parse(text === '' ? '{}' : text)
  } catch {
    throw new FakeServiceError('SerializationException', 400, 'The request body is not valid JSON')
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new FakeServiceError('SerializationException', 400, 'The request body is not a JSON object')
  }
  return parsed as Record<string, unknown>
}

/** Validates an operation's input; the first problem becomes the ValidationException's message. */
export function parseInput<T extends z.ZodType>(schema: T, body: Record<string, unknown>): z.output<T> {
  const result = schema.safeParse(body)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const field = issue?.path.join('.') || 'request'
  throw validationError(`${field}: ${issue?.message ?? 'invalid'}`)
}

/** A Catalog member: the Selling API knows only these two. */
export const catalogSchema = z.enum(CATALOGS, { error: 'must be AWS or Sandbox' })

/** A timestamp member, read into a Date (the stored records hold Dates, as the SDK hands them out). */
export const wireDateSchema = z.string().transform((value, context) => {
  const date = parseWireDate(value)
  if (date) return date
  context.addIssue({ code: 'custom', message: 'must be an ISO 8601 date-time' })
  return z.NEVER
})

/** A date-time timestamp as the SDK writes it (ISO 8601, milliseconds when not zero). */
export function parseWireDate(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

function baseHeaders(): Record<string, string> {
  // The SDK reads the request id into $metadata.requestId, so an answer can be matched to the log.
  return { 'content-type': JSON_CONTENT_TYPE, 'x-amzn-requestid': randomUUID() }
}
