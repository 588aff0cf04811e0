// API keys, one or more per tenant. Only a SHA-256 of each key is stored; the key itself is shown once,
// when it is created. Keys look like `rk_<base64url>`; the first characters are kept as a prefix so a
// person can tell keys apart in a list.
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Sql } from '@revops/db'
import { NotFoundError } from '../shared/errors.ts'

export interface ApiKeyRecord {
  keyId: string
  tenantId: string
  name: string
  prefix: string
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex')
}

export async function createApiKey(
  sql: Sql,
  tenantId: string,
  name: string,
): Promise<{ key: string; record: ApiKeyRecord }> {
  const key = `rk_${randomBytes(24).toString('base64url')}`
  const [row] = await sql<KeyRow[]>`
    insert into ops.api_keys (key_id, tenant_id, name, prefix, key_hash)
    values (${randomUUID()}, ${tenantId}, ${name}, ${key.slice(0, 10)}, ${hashApiKey(key)})
    returning key_id, tenant_id, name, prefix, created_at, last_used_at, revoked_at`
  return { key, record: toRecord(row!) }
}

/** The shape of every key `createApiKey` makes; anything else is refused before the database is asked. */
export const API_KEY_PATTERN = /^rk_[A-Za-z0-9_-]{20,64}$/

export interface AuthenticatedKey {
  keyId: string
  tenantId: string
  name: string
  prefix: string
  /** The tenant's billing stamp at this moment (engine/src/billing/billing-stamp.ts), read in the same
   *  round trip: the API's kept Cost Explorer answers are current while it is unchanged. */
  billingStamp: string
}

/**
 * The live key matching `key`, or null (unknown or revoked), noting that it was used. Runs as
 * ops.authenticate_api_key, so the API role needs no access to the key table.
 */
export async function findApiKey(sql: Sql, key: string): Promise<AuthenticatedKey | null> {
  if (!API_KEY_PATTERN.test(key)) return null
  const [row] = await sql<
    { key_id: string; tenant_id: string; name: string; prefix: string; billing_stamp: string }[]
  >`select key_id, tenant_id, name, prefix, billing_stamp from ops.authenticate_api_key(${key})`
  if (!row) return null
  return {
    keyId: row.key_id,
    tenantId: row.tenant_id,
    name: row.name,
    prefix: row.prefix,
    billingStamp: row.billing_stamp,
  }
}

export async function listApiKeys(sql: Sql, tenantId: string): Promise<ApiKeyRecord[]> {
  const rows = await sql<KeyRow[]>`
    select key_id, tenant_id, name, prefix, created_at, last_used_at, revoked_at from ops.api_keys
    where tenant_id = ${tenantId} order by created_at`
  return rows.map(toRecord)
}

export async function revokeApiKey(sql: Sql, tenantId: string, keyIdOrPrefix: string): Promise<ApiKeyRecord> {
  const [row] = await sql<KeyRow[]>`
    update ops.api_keys set revoked_at = now()
    where tenant_id = ${tenantId} and revoked_at is null and (key_id::text = ${keyIdOrPrefix} or prefix = ${keyIdOrPrefix})
    returning key_id, tenant_id, name, prefix, created_at, last_used_at, revoked_at`
  if (!row) throw new NotFoundError(`no live API key ${keyIdOrPrefix} for tenant "${tenantId}"`)
  return toRecord(row)
}

/**
 * The local key of the embedded default: reused from `file` while it is valid, else created and written
 * there (readable by the owner only), so `npm start` can print it and the CLI can use it.
 */
export async function ensureLocalApiKey(
  sql: Sql,
  tenantId: string,
  file: string,
): Promise<{ key: string; created: boolean }> {
  if (existsSync(file)) {
    const key = (await readFile(file, 'utf8')).trim()
    const record = await findApiKey(sql, key)
    if (record && record.tenantId === tenantId) return { key, created: false }
  }
  const { key } = await createApiKey(sql, tenantId, 'local')
  // The folder may not exist yet: the embedded database can live elsewhere (see embedded-postgres.ts).
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, `${key}\n`, { mode: 0o600 })
  return { key, created: true }
}

interface KeyRow {
  key_id: string
  tenant_id: string
  name: string
  prefix: string
  created_at: Date
  last_used_at: Date | null
  revoked_at: Date | null
}

function toRecord(row: KeyRow): ApiKeyRecord {
  return {
    keyId: row.key_id,
    tenantId: row.tenant_id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  }
}
