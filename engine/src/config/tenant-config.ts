// The schema of a tenant's configuration files. Tenants differ by data, never by code branches.
import { z } from 'zod'

const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_$]*$/, 'must be a plain SQL identifier')

export const sourceTableSchema = z.object({
  name: identifier,
  /** Source schema; `public` unless told. */
  schema: identifier.default('public'),
  /** Overrides the source's watermark column for this table; `null` means always read in full. */
  watermark_column: identifier.nullable().optional(),
  /** Used when the source declares no primary key. */
  primary_key: z.array(identifier).min(1).optional(),
  /** Columns never copied (large binaries, secrets). */
  exclude_columns: z.array(z.string()).default([]),
})
export type SourceTableConfig = z.infer<typeof sourceTableSchema>

const tableEntry = z.union([
  identifier.transform((name) => sourceTableSchema.parse({ name })),
  sourceTableSchema,
])

export const sourceSchema = z.object({
  kind: z.literal('postgres').default('postgres'),
  /** Environment variable holding the connection URL (secrets never live in these files). */
  url_env: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  /** Database on the product's own server used when the variable is unset (the demo sources). */
  default_database: z.string().optional(),
  /** Column holding the last-modified time, for incremental sync. */
  watermark_column: identifier.nullable().default(null),
  /** Rows modified up to this many seconds before the watermark are read again (late commits). */
  lookback_seconds: z.number().int().min(0).default(300),
  /** Rows per committed batch. */
  batch_size: z.number().int().min(1).max(1_000_000).default(20_000),
  tables: z.array(tableEntry).min(1),
})
export type SourceConfig = z.infer<typeof sourceSchema>

/** Which source columns feed CORE fields; the defaults are the first customer's Odoo and APN. */
export const mappingsSchema = z
  .object({
    odoo_lead: z
      .object({
        origination: z.string().nullable().default('origination'),
        ace_id_hint: z.string().nullable().default('aws_ace_id'),
        use_case: z.string().nullable().default('c_aws_ace_useCase'),
        aws_sales_rep_name: z.string().nullable().default('c_aws_ace_aWSSalesRepName'),
        psm_name: z.string().nullable().default('c_aws_ace_aWSPartnerSuccessManagerName'),
      })
      .prefault({}),
    odoo_invoice: z
      .object({
        /** Custom `YYYY-MM` period on account_move; falls back to invoice_date's month. */
        invoice_period: z.string().nullable().default('invoice_period'),
      })
      .prefault({}),
    /** Source values meaning partner- or AWS-originated, compared case-insensitively. */
    origination_values: z
      .object({
        partner: z
          .array(z.string())
          .default(['partner originated', 'partner-originated', 'po', 'partner', 'partner referral']),
        aws: z.array(z.string()).default(['aws originated', 'aws-originated', 'ao', 'aws', 'aws referral']),
      })
      .prefault({}),
  })
  .prefault({})
export type MappingsConfig = z.infer<typeof mappingsSchema>

export const tenantConfigSchema = z.object({
  tenant_id: z.string().regex(/^[a-z][a-z0-9_-]{1,62}$/),
  display_name: z.string().min(1),
  /** Named sources; `odoo` and `apn` feed the CORE normalisers, others are mirrored into RAW only. */
  sources: z.record(identifier, sourceSchema),
  mappings: mappingsSchema,
})
export type TenantConfig = z.infer<typeof tenantConfigSchema>
