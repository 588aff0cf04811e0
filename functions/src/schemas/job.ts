// Job shapes in the API contract.
import { z } from '@hono/zod-openapi'

export const jobSchema = z
  .object({
    id: z.string().uuid(),
    kind: z.string().openapi({ example: 'sync' }),
    status: z.enum(['queued', 'running', 'succeeded', 'failed']),
    payload: z.record(z.string(), z.unknown()),
    requested_by: z.string().openapi({ description: 'the API key (its name) that asked, or system' }),
    progress: z.object({
      done: z.number(),
      total: z.number().nullable(),
      message: z.string().nullable(),
    }),
    attempts: z.number().int(),
    last_error: z.string().nullable(),
    result: z.unknown(),
    created_at: z.string(),
    started_at: z.string().nullable(),
    finished_at: z.string().nullable(),
  })
  .openapi('Job')
