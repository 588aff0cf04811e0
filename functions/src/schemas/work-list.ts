// The ACE work list as the API shows it: the changes approved opportunities still need in ACE.
import { z } from '@hono/zod-openapi'
import { WORK_FIELDS } from '@revops/engine/work-list'

export const workFieldSchema = z.enum(WORK_FIELDS).openapi('WorkListField', {
  description:
    'partner_crm_id: PartnerOpportunityIdentifier; review_status: LifeCycle.ReviewStatus; stage: LifeCycle.Stage; close_date: LifeCycle.TargetCloseDate; aws_account_id: Customer.Account.AwsAccountId; customer_name: Customer.Account.CompanyName',
})

const writeBackSettings = z.object({
  enabled: z.boolean(),
  mode: z.enum(['dry_run', 'live']),
  include_auto_links: z.boolean(),
})

export const workItemSchema = z
  .object({
    ace_id: z.string(),
    customer: z.string().nullable(),
    title: z.string().nullable(),
    approved_by: z.enum(['rules', 'person']),
    field: workFieldSchema,
    ace_field: z
      .string()
      .openapi({ description: 'the field in Partner Central', example: 'PartnerOpportunityIdentifier' }),
    current: z.string().nullable(),
    expected: z.string().nullable().openapi({ description: 'null when the partner has to find it out' }),
    why: z.string(),
    write_back: z
      .object({
        draft: z.literal(true),
        mode: z.enum(['dry_run', 'live']),
        write: z
          .object({
            write_id: z.string(),
            status: z.string(),
            mode: z.enum(['dry_run', 'live']),
            message: z.string().nullable(),
          })
          .nullable()
          .openapi({ description: 'the write-back of this change; null until the write-back plans it' }),
      })
      .nullable()
      .openapi({ description: "set when this change is the Partner Central write-back's draft" }),
  })
  .openapi('WorkItem')

export const workListSchema = z
  .object({
    as_of: z.string(),
    approved: z.number().int().openapi({ description: 'ACE opportunities approved for POD' }),
    write_back: writeBackSettings
      .nullable()
      .openapi({ description: "the tenant's write-back; null when it reads no ACE from Partner Central" }),
    counts: z.record(workFieldSchema, z.number().int()),
    items: z.array(workItemSchema),
  })
  .openapi('WorkList')
