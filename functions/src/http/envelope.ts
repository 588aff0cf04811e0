// The response envelopes the product owner specified:
//   success { data, metadata: { correlation_id, processing_time_ms, version } }
//   error   { error: { code, message, details, correlation_id } }
import { z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from '../app-context.ts'

export const metadataSchema = z
  .object({
    correlation_id: z.string().openapi({ example: '6f1c2d3e-8a9b-4c5d-9e0f-112233445566' }),
    processing_time_ms: z.number().openapi({ example: 12.5 }),
    version: z.string().openapi({ example: '0.1.0' }),
  })
  .openapi('Metadata')

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string().openapi({ example: 'limit: Too big: expected number to be <=500' }),
      details: z.unknown().openapi({ type: 'object' }),
      correlation_id: z.string(),
    }),
  })
  .openapi('Error')

/** The success envelope schema around `data`. */
export function envelope<T extends z.ZodType>(data: T) {
  return z.object({ data, metadata: metadataSchema })
}

export function metadata(c: Context<AppEnv>) {
  return {
    correlation_id: c.get('correlationId'),
    processing_time_ms: Math.round((performance.now() - c.get('startedAt')) * 100) / 100,
    version: c.get('deps').version,
  }
}

/** Sends `data` in the success envelope. */
export function ok<T, S extends ContentfulStatusCode = 200>(c: Context<AppEnv>, data: T, status?: S) {
  return c.json({ data, metadata: metadata(c) }, (status ?? 200) as S)
}

/** OpenAPI response entries for the errors a route can return. */
export function errorResponses(...statuses: (400 | 401 | 404 | 409 | 413 | 422 | 428 | 503)[]) {
  const descriptions: Record<number, string> = {
    400: 'Invalid input (the field is named in the message and details)',
    401: 'Missing or invalid API key (429 after repeated failures from one client)',
    404: 'Not found',
    409: 'Conflicts with the current state',
    413: 'The request body is larger than the route accepts',
    422: 'The work ran past its time budget',
    428: 'If-Match is required: say which state you saw',
    503: 'A dependency (the product or a source database) is unavailable; retry shortly',
  }
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: descriptions[status]!, content: { 'application/json': { schema: errorSchema } } },
    ]),
  )
}
