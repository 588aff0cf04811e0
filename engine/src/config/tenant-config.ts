// The schema of a tenant's configuration files. Tenants differ by data, never by code branches.
import { z } from 'zod'
import { isTimeZone, parseCron } from '../shared/cron-expression.ts'

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

export const postgresSourceSchema = z.object({
  kind: z.literal('postgres'),
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
export type PostgresSourceConfig = z.infer<typeof postgresSourceSchema>

const envName = z.string().regex(/^[A-Z][A-Z0-9_]*$/)

/**
 * ACE straight from AWS Partner Central's Selling API. Credentials come from the standard AWS chain
 * (environment, profile, container or instance role); `role_arn_env` names a role to assume with them.
 * Requests stay within `budget`, shared by every worker of the tenant through the database.
 */
export const partnerCentralSourceSchema = z.strictObject({
  kind: z.literal('partnercentral'),
  /** `Sandbox` to develop against, `AWS` for the real pipeline. */
  catalog: z.enum(['AWS', 'Sandbox']),
  /** The Selling API exists in us-east-1 only. */
  region: z.literal('us-east-1').default('us-east-1'),
  /** Environment variable holding the ARN of a role to assume (unset: the chain's own identity). */
  role_arn_env: envName.optional(),
  /** Environment variable overriding the endpoint (a VPC endpoint, or a fake Partner Central in tests). */
  endpoint_env: envName.default('PARTNER_CENTRAL_ENDPOINT'),
  /**
   * Without an endpoint in the environment, start a local fake Partner Central in-process, seeded from
   * this APN database on the product's server (the demo). Never used when the endpoint is set.
   */
  local_fake: z.strictObject({ seed_database: z.string().min(1) }).optional(),
  /** Requests per second and per rolling 24 hours, below AWS's quotas (10/s and 100,000 reads; 1/s and 10,000 writes). */
  budget: z
    .strictObject({
      reads_per_second: z.number().positive().max(10).default(8),
      reads_per_day: z.number().int().positive().max(100_000).default(90_000),
      writes_per_second: z.number().positive().max(1).default(1),
      writes_per_day: z.number().int().positive().max(10_000).default(9_000),
    })
    .prefault({}),
  /** Opportunities per ListOpportunities page (the API's maximum is 100). */
  page_size: z.number().int().min(1).max(100).default(100),
})
export type PartnerCentralSourceConfig = z.infer<typeof partnerCentralSourceSchema>

/** A source: a PostgreSQL database (the default kind) or the Selling API. */
export const sourceSchema = z.preprocess(
  (value) =>
    value && typeof value === 'object' && !Array.isArray(value) && !('kind' in value)
      ? { ...value, kind: 'postgres' }
      : value,
  z.discriminatedUnion('kind', [postgresSourceSchema, partnerCentralSourceSchema]),
)
export type SourceConfig = z.infer<typeof sourceSchema>

/** Writing confirmed links back to Partner Central: off unless a tenant opts in, and a dry run until told. */
export const writeBackSchema = z
  .strictObject({
    enabled: z.boolean().default(false),
    /** `dry_run` records the exact request it would send; `live` sends it. */
    mode: z.enum(['dry_run', 'live']).default('dry_run'),
    /** Also write links the matcher made by itself (auto_link band), not only links a person confirmed. */
    include_auto_links: z.boolean().default(false),
    /** Writes wait for a person's approval (in a batch) before they run. */
    require_approval: z.boolean().default(true),
  })
  .prefault({})
export type WriteBackConfig = z.infer<typeof writeBackSchema>

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

/** What a schedule runs: a job kind and its payload. */
export const SCHEDULE_TASKS = {
  pipeline: { kind: 'pipeline', payload: {} },
  sync: { kind: 'sync', payload: { mode: 'incremental' } },
  reconcile: { kind: 'sync', payload: { mode: 'full' } },
  'write-back': { kind: 'write-back', payload: {} },
  report: { kind: 'report', payload: {} },
  notify: { kind: 'notify', payload: {} },
  digest: { kind: 'notify', payload: { digest: true } },
} as const satisfies Record<string, { kind: string; payload: Record<string, unknown> }>
export type ScheduleTask = keyof typeof SCHEDULE_TASKS
export const SCHEDULE_TASK_NAMES = Object.keys(SCHEDULE_TASKS) as [ScheduleTask, ...ScheduleTask[]]

/**
 * A run the platform starts by itself: cron syntax in a time zone. A run missed while no worker was up
 * is made up once when one is back, if its slot is within `catch_up_minutes`; older ones are skipped.
 */
export const scheduleSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9_-]{0,62}$/, 'lower-case letters, digits, - and _'),
  task: z.enum(SCHEDULE_TASK_NAMES),
  cron: z.string().superRefine((value, context) => {
    try {
      parseCron(value)
    } catch (error) {
      context.addIssue({ code: 'custom', message: (error as Error).message })
    }
  }),
  timezone: z
    .string()
    .default('UTC')
    .refine(isTimeZone, { message: 'unknown time zone (expected an IANA name such as Europe/Berlin)' }),
  catch_up_minutes: z.number().int().min(0).max(1440).default(60),
  enabled: z.boolean().default(true),
})
export type ScheduleConfig = z.infer<typeof scheduleSchema>

/** What can be notified. */
export const NOTIFICATION_EVENTS = [
  'decision_changed',
  'review_overdue',
  'run_failed',
  'data_quality_jump',
] as const
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number]

const channelCommon = {
  name: z.string().regex(/^[a-z][a-z0-9_-]{0,62}$/, 'lower-case letters, digits, - and _'),
  events: z.array(z.enum(NOTIFICATION_EVENTS)).min(1),
  /** `daily`: events wait for the tenant's `digest` schedule and go out as one message. */
  digest: z.enum(['none', 'daily']).default('none'),
  /** Messages per rolling hour; the rest wait (a flood of changes never floods a channel). */
  max_per_hour: z.number().int().min(1).max(3600).default(30),
}

/** A notification channel. Its address and secrets come from the environment variables it names. */
export const channelSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('email'),
    /** Variable holding the SMTP URL (smtp:// or smtps://, with the login). */
    smtp_url_env: envName,
    from: z.email(),
    to: z.array(z.email()).min(1),
    ...channelCommon,
  }),
  z.strictObject({
    kind: z.literal('webhook'),
    /** Variable holding the URL (a Slack incoming webhook, or any receiver of Slack-style JSON). */
    url_env: envName,
    /** Variable holding the HMAC-SHA256 key every delivery is signed with. */
    secret_env: envName,
    ...channelCommon,
  }),
])
export type ChannelConfig = z.infer<typeof channelSchema>

export const notificationsSchema = z
  .strictObject({
    /** A decision waiting for a person longer than this is reminded (once). */
    review_sla_hours: z
      .number()
      .positive()
      .max(24 * 90)
      .default(24),
    /** Open data-quality issues rising by this share (and by 5 or more) is notified. */
    data_quality_jump_percent: z.number().positive().default(20),
    channels: z.array(channelSchema).default([]),
  })
  .prefault({})
export type NotificationsConfig = z.infer<typeof notificationsSchema>

export const tenantConfigSchema = z
  .object({
    tenant_id: z.string().regex(/^[a-z][a-z0-9_-]{1,62}$/),
    display_name: z.string().min(1),
    /**
     * Named sources. `odoo` feeds CORE's Odoo side; ACE comes from the `partnercentral` source when there
     * is one, else from the PostgreSQL source named `apn`; other sources are mirrored into RAW only.
     */
    sources: z.record(identifier, sourceSchema),
    mappings: mappingsSchema,
    write_back: writeBackSchema,
    /** Runs the platform starts by itself (none unless configured). */
    schedules: z.array(scheduleSchema).default([]),
    notifications: notificationsSchema,
  })
  .superRefine((config, context) => {
    const partnerCentral = Object.entries(config.sources).filter(([, s]) => s.kind === 'partnercentral')
    if (partnerCentral.length > 1)
      context.addIssue({
        code: 'custom',
        path: ['sources', partnerCentral[1]![0]],
        message: 'one partnercentral source per tenant (it is where ACE comes from)',
      })
    const channels = config.notifications.channels.map((c) => c.name)
    channels.forEach((name, index) => {
      if (channels.indexOf(name) !== index)
        context.addIssue({
          code: 'custom',
          path: ['notifications', 'channels', index, 'name'],
          message: `a second channel named "${name}"`,
        })
    })
    const names = config.schedules.map((s) => s.name)
    names.forEach((name, index) => {
      if (names.indexOf(name) !== index)
        context.addIssue({
          code: 'custom',
          path: ['schedules', index, 'name'],
          message: `a second schedule named "${name}"`,
        })
    })
    if (config.write_back.enabled && partnerCentral.length === 0)
      context.addIssue({
        code: 'custom',
        path: ['write_back', 'enabled'],
        message: 'write-back needs a source of kind partnercentral to write to',
      })
  })
export type TenantConfig = z.infer<typeof tenantConfigSchema>
