// The operations function (worker/src/aws/ops-handler.ts) and what invokes it:
// - the deployment, before the API's new version: `migrate` (an aws.lambda.Invocation whose triggers are
//   the migrations' content hash and the stage, so a new migration runs it again and an unchanged
//   deployment does not);
// - EventBridge Scheduler: the queue metrics every five minutes. The pipeline, reconcile, notification and
//   report runs are each tenant's own `schedules` (tenant.yaml), queued by the job workers' minute tick.
import { NODE_RUNTIME } from './api.ts'
import { lambdaBundle } from './lambda-paths.ts'
import type { Loose, Platform } from './platform.ts'
import type { StageSettings } from './stage.ts'

export function createOperations(
  p: Platform,
  settings: StageSettings,
  deps: { vpc: Loose; endpoint: Loose; logins: { owner: Loose; api: Loose; worker: Loose } },
) {
  const operations = new p.sst.aws.Function('Operations', {
    runtime: NODE_RUNTIME,
    architecture: 'x86_64',
    bundle: lambdaBundle('ops'),
    handler: 'index.handler',
    memory: '1024 MB',
    timeout: '15 minutes',
    vpc: deps.vpc,
    url: false,
    link: [deps.endpoint, deps.logins.owner, deps.logins.api, deps.logins.worker],
    environment: { TENANTS_DIR: 'tenants', STAGE: p.app.stage, METRICS_NAMESPACE: 'RevOpsPod' },
    logging: { retention: settings.logRetention, format: 'json' },
  })

  const migration = new p.aws.lambda.Invocation('Migrate', {
    functionName: operations.name,
    input: JSON.stringify({ action: 'migrate' }),
    triggers: { migrations: p.migrationsHash, stage: p.app.stage },
  })

  const schedule = (name: string, cron: string, event: Record<string, unknown>) =>
    new p.sst.aws.CronV2(name, {
      function: operations.arn,
      schedule: cron,
      timezone: settings.schedules.timezone,
      event,
      retries: 2,
    })
  const schedules = {
    metrics: schedule('QueueMetrics', settings.schedules.metrics, { action: 'metrics' }),
  }
  return { operations, migration, schedules }
}
