// Foundation — tenant configuration: loading and validating a tenant's folder, registering the tenant, and
// the environment every deployable shares.

export { type AceSource, aceSourceOf } from './ace-source.ts'
export {
  DATABASE_ENDPOINT_LINK,
  LOGIN_LINKS,
  linkedDatabaseUrl,
  sstLinksActive,
  withLinkedLogins,
} from './linked-env.ts'
export type {
  ResolvedChannel,
  ResolvedPartnerCentralSource,
  ResolvedSource,
  Tenant,
} from './load-tenant-config.ts'
export { findSource, listTenantIds, loadTenant } from './load-tenant-config.ts'
export { registerTenant } from './register-tenant.ts'
export { type ParsedEnv, parseEnv, runtimeEnvSchema } from './runtime-env.ts'
export {
  type ChannelConfig,
  NOTIFICATION_EVENTS,
  type NotificationEvent,
  SCHEDULE_TASK_NAMES,
  tenantConfigSchema,
  type WriteBackConfig,
} from './tenant-config.ts'
