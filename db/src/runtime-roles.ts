// The roles the product runs as. The owner (DATABASE_URL) applies migrations and runs the operator's CLI;
// the API logs in as `revops_app` and the job worker as `revops_worker`: neither superuser nor owner, and
// neither can choose its tenant (see migration 000013). Their URLs are given (API_DATABASE_URL,
// WORKER_DATABASE_URL) or derived from the owner's: same server and database, the role's name, and a
// password derived from the owner's URL, so every process that holds the owner's URL agrees on it without
// storing another secret. ensureRuntimeLogins gives the roles that password.
import { createHmac } from 'node:crypto'
import { connect, quoteIdent, quoteLiteral, type Sql } from './connect.ts'

export const API_ROLE = 'revops_app'
export const WORKER_ROLE = 'revops_worker'
export type RuntimeRole = typeof API_ROLE | typeof WORKER_ROLE

/**
 * The password of a runtime role derived from the owner's credentials and server (stable, never stored).
 * Roles belong to the server, not one database, so the database name is not part of it.
 */
export function derivedRolePassword(ownerUrl: string, role: RuntimeRole): string {
  const { username, password, host } = new URL(ownerUrl)
  return createHmac('sha256', `${username}:${password}@${host}`)
    .update(`revops runtime role ${role}`)
    .digest('base64url')
}

/** The owner's URL with the runtime role's name and derived password. */
export function runtimeRoleUrl(ownerUrl: string, role: RuntimeRole): string {
  return roleUrl(ownerUrl, role, derivedRolePassword(ownerUrl, role))
}

/** The owner's server and database, logged in as `role` with `password`. */
function roleUrl(ownerUrl: string, role: RuntimeRole, password: string): string {
  const url = new URL(ownerUrl)
  url.username = role
  url.password = password
  url.search = ''
  return url.toString()
}

/**
 * Makes the runtime roles able to log in with their derived passwords. Tries each login first and changes
 * the role only when it fails, so processes starting together leave each other's connections alone.
 */
export async function ensureRuntimeLogins(ownerSql: Sql, ownerUrl: string): Promise<void> {
  await setRuntimeLogins(ownerSql, ownerUrl, {
    [API_ROLE]: derivedRolePassword(ownerUrl, API_ROLE),
    [WORKER_ROLE]: derivedRolePassword(ownerUrl, WORKER_ROLE),
  })
}

/**
 * Makes the runtime roles able to log in with the given passwords (where deployed, the operator's
 * secrets), the same way: a role whose login already works is left alone.
 */
export async function setRuntimeLogins(
  ownerSql: Sql,
  ownerUrl: string,
  passwords: Record<RuntimeRole, string>,
): Promise<void> {
  for (const role of [API_ROLE, WORKER_ROLE] as const) {
    const password = passwords[role]
    if (password.length < 16) throw new Error(`the password of ${role} must have at least 16 characters`)
    if (await canLogIn(roleUrl(ownerUrl, role, password))) continue
    await ownerSql.unsafe(`alter role ${quoteIdent(role)} with login password ${quoteLiteral(password)}`)
  }
}

async function canLogIn(url: string): Promise<boolean> {
  const sql = connect(url, { max: 1, connectTimeout: 5, applicationName: 'revops-login-check' })
  try {
    await sql`select 1`
    return true
  } catch (error) {
    const code = (error as { code?: string }).code
    // Wrong password or no LOGIN: fix it. Anything else (an unreachable server) is the caller's to see.
    if (code === '28P01' || code === '28000') return false
    throw error
  } finally {
    await sql.end({ timeout: 1 })
  }
}
