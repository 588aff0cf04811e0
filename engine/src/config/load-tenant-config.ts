// Loads tenant configuration from the tenants folder; secrets and source URLs come from the environment
// values handed in (this module never reads process.env itself).
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { withDatabase } from '@revops/db'
import { ConfigError, NotFoundError } from '../shared/errors.ts'
import { parseYamlWithSchema } from './parse-yaml.ts'
import {
  type ChannelConfig,
  type PartnerCentralSourceConfig,
  type PostgresSourceConfig,
  type SourceConfig,
  type TenantConfig,
  tenantConfigSchema,
} from './tenant-config.ts'

export interface LoadTenantOptions {
  tenantsDir: string
  /** Environment values that may override source URLs (e.g. ODOO_DATABASE_URL). */
  env: Readonly<Record<string, string | undefined>>
  /** Server of the product database: demo sources default to databases on it. */
  productServerUrl: string
}

export interface ResolvedPostgresSource extends PostgresSourceConfig {
  name: string
  url: string
  /** Whether the URL came from the environment or is the demo default. */
  origin: 'env' | 'default'
}

export interface ResolvedPartnerCentralSource extends PartnerCentralSourceConfig {
  name: string
  /** The endpoint from the environment; null means AWS's own (or the local fake, below). */
  endpoint: string | null
  /** The role to assume, from `role_arn_env`; null means the credential chain's own identity. */
  roleArn: string | null
  /** The APN database the local fake is seeded from, when the tenant asks for one and no endpoint is set. */
  localFakeSeedUrl: string | null
  /** `env`: an endpoint from the environment; `default`: the local fake (the demo); `aws`: Partner Central. */
  origin: 'env' | 'default' | 'aws'
}

export type ResolvedSource = ResolvedPostgresSource | ResolvedPartnerCentralSource

/** A notification channel with its address and secret read from the environment. */
export type ResolvedChannel = ChannelConfig &
  ({ kind: 'email'; smtpUrl: string } | { kind: 'webhook'; url: string; secret: string })

export interface Tenant {
  config: TenantConfig
  dir: string
  sources: ResolvedSource[]
  /** Notification channels, resolved (absent on tenants built without them). */
  channels?: ResolvedChannel[]
}

/** Lists the tenant ids that have a folder with a tenant.yaml. */
export async function listTenantIds(tenantsDir: string): Promise<string[]> {
  const entries = await readdir(tenantsDir, { withFileTypes: true }).catch(() => [])
  return entries
    .filter((entry) => entry.isDirectory() && existsSync(path.join(tenantsDir, entry.name, 'tenant.yaml')))
    .map((entry) => entry.name)
    .sort()
}

/** Reads, validates and resolves one tenant's configuration. */
export async function loadTenant(tenantId: string, options: LoadTenantOptions): Promise<Tenant> {
  const dir = path.join(options.tenantsDir, tenantId)
  const file = path.join(dir, 'tenant.yaml')
  const text = await readFile(file, 'utf8').catch(() => {
    throw new NotFoundError(`no configuration for tenant "${tenantId}" (expected ${file})`)
  })
  const tenant = loadTenantConfigText(text, { ...options, dir, file })
  if (tenant.config.tenant_id !== tenantId) {
    throw new ConfigError(
      `${file}: tenant_id "${tenant.config.tenant_id}" does not match its folder "${tenantId}"`,
    )
  }
  return tenant
}

/** Parses and resolves tenant.yaml text (`file` names it in errors). */
export function loadTenantConfigText(
  text: string,
  options: Pick<LoadTenantOptions, 'env' | 'productServerUrl'> & { dir: string; file?: string },
): Tenant {
  const file = options.file ?? path.join(options.dir, 'tenant.yaml')
  const config = parseYamlWithSchema(text, tenantConfigSchema, file)
  const sources = Object.entries(config.sources).map(([name, source]) =>
    resolveSource(name, source, options, file),
  )
  const channels = config.notifications.channels.map((channel) => resolveChannel(channel, options.env, file))
  return { config, dir: options.dir, sources, channels }
}

function resolveSource(
  name: string,
  source: SourceConfig,
  options: Pick<LoadTenantOptions, 'env' | 'productServerUrl'>,
  file: string,
): ResolvedSource {
  if (source.kind === 'partnercentral') return resolvePartnerCentral(name, source, options)
  const fromEnv = options.env[source.url_env]
  if (fromEnv) return { ...source, name, url: fromEnv, origin: 'env' }
  if (!source.default_database) {
    throw new ConfigError(
      `${file}: source "${name}" needs ${source.url_env} (no default_database configured)`,
    )
  }
  return {
    ...source,
    name,
    url: withDatabase(options.productServerUrl, source.default_database),
    origin: 'default',
  }
}

/**
 * Reads a channel's address and secret from the environment now, so a channel that cannot work is a
 * clear error when the configuration loads, never a failure when something is to be sent.
 */
function resolveChannel(
  channel: ChannelConfig,
  env: Readonly<Record<string, string | undefined>>,
  file: string,
): ResolvedChannel {
  const need = (variable: string, what: string, pattern: RegExp) => {
    const value = env[variable]
    if (!value)
      throw new ConfigError(`${file}: notification channel "${channel.name}" needs ${variable} (${what})`)
    if (!pattern.test(value))
      throw new ConfigError(`${file}: notification channel "${channel.name}": ${variable} is not ${what}`)
    return value
  }
  if (channel.kind === 'email')
    return {
      ...channel,
      smtpUrl: need(channel.smtp_url_env, 'an smtp:// or smtps:// URL', /^smtps?:\/\/[^\s]+$/),
    }
  return {
    ...channel,
    url: need(channel.url_env, 'an http:// or https:// URL', /^https?:\/\/[^\s]+$/),
    secret: need(channel.secret_env, 'a signing key of 16 characters or more', /^\S{16,}$/),
  }
}

function resolvePartnerCentral(
  name: string,
  source: PartnerCentralSourceConfig,
  options: Pick<LoadTenantOptions, 'env' | 'productServerUrl'>,
): ResolvedPartnerCentralSource {
  const endpoint = options.env[source.endpoint_env] || null
  const roleArn = (source.role_arn_env && options.env[source.role_arn_env]) || null
  const localFakeSeedUrl =
    !endpoint && source.local_fake
      ? withDatabase(options.productServerUrl, source.local_fake.seed_database)
      : null
  const origin = endpoint ? 'env' : localFakeSeedUrl ? 'default' : 'aws'
  return { ...source, name, endpoint, roleArn, localFakeSeedUrl, origin }
}

/** The resolved source by name, or a clear error naming the configured ones. */
export function findSource(tenant: Tenant, name: string): ResolvedSource {
  const source = tenant.sources.find((candidate) => candidate.name === name)
  if (!source) {
    const known = tenant.sources.map((s) => s.name).join(', ')
    throw new NotFoundError(
      `tenant "${tenant.config.tenant_id}" has no source "${name}" (configured: ${known})`,
    )
  }
  return source
}
