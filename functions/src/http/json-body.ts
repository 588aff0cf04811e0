// Optional JSON bodies: a route validates the body when one was sent and uses its defaults otherwise.
import type { Context } from 'hono'
import type { AppEnv } from '../app-context.ts'

export function hasJson(c: Context<AppEnv>): boolean {
  return c.req.header('content-type')?.includes('application/json') ?? false
}
