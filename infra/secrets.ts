// The deployment's secrets, set by an operator (`npx sst secret set NAME VALUE --stage S`), never in the
// repository or in a plain environment value. Who may read each is decided where it is used (database.ts,
// api.ts, operations.ts, workers.ts); the topology test holds the whole list.
import type { Platform } from './platform.ts'

export const SECRET_NAMES = [
  /** The API's database role (revops_app): at least 16 characters. */
  'ApiDatabasePassword',
  /** The job workers' database role (revops_worker). */
  'WorkerDatabasePassword',
  /** The default tenant's sources (read-only logins): ODOO_DATABASE_URL and APN_DATABASE_URL. */
  'OdooDatabaseUrl',
  'ApnDatabaseUrl',
] as const

export type Secrets = Record<(typeof SECRET_NAMES)[number], InstanceType<Platform['sst']['Secret']>>

export function createSecrets(p: Platform): Secrets {
  return Object.fromEntries(SECRET_NAMES.map((name) => [name, new p.sst.Secret(name)])) as Secrets
}
