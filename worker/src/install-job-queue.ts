// graphile-worker keeps its queue in its own schema and installs it through its API.
import { runMigrations } from 'graphile-worker'
import { silentGraphileLogger } from './graphile-logger.ts'

export async function installJobQueue(databaseUrl: string): Promise<void> {
  await runMigrations({ connectionString: databaseUrl, logger: silentGraphileLogger })
}
