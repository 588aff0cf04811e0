// The operations function where the product runs on AWS (infra/operations.ts): one Lambda function,
// logged in as the database's owner, for the work no request and no worker does.
// - `migrate`: applies the migrations and the job queue's, gives the runtime roles (revops_app,
//   revops_worker) the passwords of the deployment's secrets, registers the tenants of the bundled
//   tenants folder. Invoked by the deployment before the new API version serves traffic.
// - `schedule`: queues a job for every tenant (EventBridge Scheduler invokes it: the hourly pipeline,
//   the nightly full sync). A run that is still queued or running is returned instead of a second one, so
//   a schedule never overlaps itself.
// - `metrics`: the job queue's figures as CloudWatch metrics (the alarms on failing jobs and a backed-up
//   queue read them).
import { API_ROLE, connect, migrate, type Sql, setRuntimeLogins, WORKER_ROLE, withDatabase } from '@revops/db'
import {
  LOGIN_LINKS,
  listTenantIds,
  loadTenant,
  parseEnv,
  registerTenant,
  runtimeEnvSchema,
  withLinkedLogins,
} from '@revops/engine/config'
import { enqueueJob, readQueueMetrics } from '@revops/engine/ops'
import { ValidationError } from '@revops/engine/shared'
import { z } from 'zod'
import { installJobQueue } from '../install-job-queue.ts'
import { metricLogLine } from './metric-log.ts'

const envSchema = runtimeEnvSchema.extend({
  /** The owner's login. */
  DATABASE_URL: z.string().url(),
  /** The runtime roles' logins: `migrate` gives the roles these passwords. */
  API_DATABASE_URL: z.string().url().optional(),
  WORKER_DATABASE_URL: z.string().url().optional(),
  /** Where the migrations are (a bundled function carries them beside its code). */
  MIGRATIONS_DIR: z.string().optional(),
  METRICS_NAMESPACE: z.string().default('RevOpsPod'),
  STAGE: z.string().default('local'),
})

/** What the scheduler may queue (the job worker's tasks, worker/src/task-list.ts). */
export const SCHEDULABLE_KINDS = [
  'pipeline',
  'sync',
  'normalize',
  'rollups',
  'match',
  'decide',
  'write-back',
  'notify',
  'report',
] as const

export const opsEventSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('migrate') }),
  z.object({
    action: z.literal('schedule'),
    kind: z.enum(SCHEDULABLE_KINDS),
    payload: z.record(z.string(), z.unknown()).default({}),
  }),
  z.object({
    action: z.literal('metrics'),
    window_seconds: z.number().int().min(60).max(86_400).default(300),
  }),
])
export type OpsEvent = z.input<typeof opsEventSchema>

export interface OpsHandler {
  handler(event: unknown): Promise<Record<string, unknown>>
  close(): Promise<void>
}

export function createOpsHandler(
  source: Readonly<Record<string, string | undefined>>,
  options: { writeLine?: (line: string) => void; now?: () => Date } = {},
): OpsHandler {
  const env = parseEnv(
    envSchema,
    withLinkedLogins(source, {
      DATABASE_URL: LOGIN_LINKS.owner,
      API_DATABASE_URL: LOGIN_LINKS.api,
      WORKER_DATABASE_URL: LOGIN_LINKS.worker,
    }),
  )
  const writeLine = options.writeLine ?? ((line: string) => process.stdout.write(`${line}\n`))
  const now = options.now ?? (() => new Date())
  let sql: Sql | undefined
  const owner = () => {
    sql ??= connect(env.DATABASE_URL, { max: 2, applicationName: 'revops-ops' })
    return sql
  }

  async function runMigrations() {
    if (!env.API_DATABASE_URL || !env.WORKER_DATABASE_URL)
      throw new ValidationError(
        "migrate needs the runtime roles' logins (API_DATABASE_URL and WORKER_DATABASE_URL)",
      )
    const result = await migrate(owner(), { migrationsDir: env.MIGRATIONS_DIR })
    await installJobQueue(env.DATABASE_URL)
    await setRuntimeLogins(owner(), env.DATABASE_URL, {
      [API_ROLE]: decodeURIComponent(new URL(env.API_DATABASE_URL).password),
      [WORKER_ROLE]: decodeURIComponent(new URL(env.WORKER_DATABASE_URL).password),
    })
    const tenants = await listTenantIds(env.TENANTS_DIR)
    for (const tenantId of tenants) {
      const tenant = await loadTenant(tenantId, {
        tenantsDir: env.TENANTS_DIR,
        env: env.raw,
        productServerUrl: withDatabase(env.DATABASE_URL, 'postgres'),
      })
      await registerTenant(owner(), tenant.config)
    }
    return { applied: result.applied, tenants }
  }

  async function schedule(kind: string, payload: Record<string, unknown>) {
    const tenants = await owner()<
      { tenant_id: string }[]
    >`select tenant_id from ops.tenants order by tenant_id`
    const jobs = []
    for (const { tenant_id: tenantId } of tenants) {
      const { job, created } = await enqueueJob(owner(), {
        tenantId,
        kind,
        payload,
        reuseActive: true,
        requestedBy: 'schedule',
      })
      jobs.push({ tenant_id: tenantId, job_id: job.jobId, created })
    }
    return { kind, jobs }
  }

  async function metrics(windowSeconds: number) {
    const figures = await readQueueMetrics(owner(), windowSeconds)
    writeLine(
      metricLogLine({
        namespace: env.METRICS_NAMESPACE,
        dimensions: { Stage: env.STAGE },
        values: { ...figures },
        units: { oldestQueuedSeconds: 'Seconds' },
        timestamp: now(),
      }),
    )
    return figures
  }

  return {
    async handler(input) {
      const parsed = opsEventSchema.safeParse(input)
      if (!parsed.success)
        throw new ValidationError(
          `not an operations event: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
        )
      const event = parsed.data
      switch (event.action) {
        case 'migrate':
          return { action: 'migrate', ...(await runMigrations()) }
        case 'schedule':
          return { action: 'schedule', ...(await schedule(event.kind, event.payload)) }
        case 'metrics':
          return { action: 'metrics', ...(await metrics(event.window_seconds)) }
      }
    },
    async close() {
      await sql?.end({ timeout: 5 })
    },
  }
}
