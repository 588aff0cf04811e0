// The demo sources, for commands that read them: seeded on first use, and generated again around today
// when they have gone stale (see lab/src/demo/current-demo-world.ts). A tenant reading only real sources
// is left alone.
import { todayIso } from '@revops/engine/shared'
import { DEMO_DATABASES, ensureCurrentDemoWorld } from '@revops/lab/demo'
import type { Runtime } from './runtime.ts'

/**
 * The demo sources, when the tenant reads them: seeded on first start, and generated again around today
 * when they have gone stale (see lab/src/demo/current-demo-world.ts).
 */
export async function seedDemoIfNeeded(runtime: Runtime): Promise<void> {
  const tenant = await runtime.loadTenant()
  if (!tenant.sources.some((s) => s.origin === 'default')) return
  await ensureCurrentDemoWorld({
    serverUrl: runtime.database.serverUrl,
    databases: DEMO_DATABASES,
    today: todayIso(),
    log: (message) => runtime.log.info(message),
  })
}
