// The whole topology on AWS (sst.config.ts calls deploy): network, database, API + UI, the operations
// function with migrations at deploy and the schedules, the job and embedding workers, alarms. Each
// module is one concern; the stage decides sizes (stage.ts).
import { createAlarms } from './alarms.ts'
import { createApi } from './api.ts'
import { createDatabase } from './database.ts'
import { createNetwork } from './network.ts'
import { createOperations } from './operations.ts'
import type { Platform } from './platform.ts'
import { createSecrets } from './secrets.ts'
import { stageSettings } from './stage.ts'
import { createWorkers } from './workers.ts'

export function deploy(p: Platform, options: { version: string }) {
  const settings = stageSettings(p.app.stage)
  const vpc = createNetwork(p, settings)
  const secrets = createSecrets(p)
  const { endpoint, logins, containerSecrets } = createDatabase(p, settings, vpc, secrets)
  const { operations, migration } = createOperations(p, settings, { vpc, endpoint, logins })
  const { api, router } = createApi(p, settings, {
    vpc,
    endpoint,
    apiLogin: logins.api,
    migration,
    version: options.version,
  })
  createWorkers(p, settings, { vpc, secrets: containerSecrets })
  const { topic } = createAlarms(p, { api })
  return { url: router.url, api: api.url, operations: operations.name, alerts: topic.arn }
}
