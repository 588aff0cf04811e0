// A write-back to Partner Central as the API shows it.
import { z } from '@hono/zod-openapi'

export const writeStatusSchema = z
  .enum(['pending_approval', 'approved', 'held', 'dry_run', 'succeeded', 'failed', 'superseded'])
  .openapi('WriteBackStatus', {
    description:
      'pending_approval: waits for a person; approved: runs with the next write-back job; held: AWS is reviewing the opportunity, tried again next run; dry_run: the exact request was recorded, not sent; succeeded; failed (message says why); superseded: the link changed or Partner Central already holds it.',
  })

const json = z.record(z.string(), z.unknown()).nullable()

export const writeBackSchema = z
  .object({
    write_id: z.string(),
    ace_id: z.string(),
    lead_id: z
      .string()
      .openapi({ description: 'the Odoo opportunity id written as PartnerOpportunityIdentifier' }),
    source: z.string(),
    catalog: z.string(),
    reason: z.enum(['confirmed', 'auto_link']),
    status: writeStatusSchema,
    mode: z.enum(['dry_run', 'live']),
    attempts: z.number().int(),
    message: z.string().nullable(),
    before: json.openapi({ description: 'the opportunity as read before the write' }),
    request: json.openapi({
      description: 'the UpdateOpportunity request sent (or that a dry run would send)',
    }),
    after: json.openapi({ description: 'the opportunity as read back after the write' }),
    approved_by: z.string().nullable(),
    approved_at: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    done_at: z.string().nullable(),
  })
  .openapi('WriteBack')
