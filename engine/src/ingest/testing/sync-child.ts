// Runs a slow full sync of `lead` in its own process, so a test can kill it half-way (SIGKILL).
import { silentLogger } from '../../shared/logger.ts'
import { syncSources } from '../sync-sources.ts'
import { makeTestTenant } from './test-tenant.ts'

const [productUrl, sourceUrl] = process.argv.slice(2) as [string, string]
const pause = new Int32Array(new SharedArrayBuffer(4))
await syncSources({
  productUrl,
  tenant: makeTestTenant(sourceUrl, { batchSize: 25, tables: ['lead'] }),
  mode: 'full',
  // Slow each batch down so the parent reliably kills the process in the middle of the pass.
  onProgress: () => Atomics.wait(pause, 0, 0, 40),
  log: silentLogger,
})
