// Changes of a reviewed state say which state they saw: `If-Match: "<etag>"` with the etag the API
// returned. Missing is a 428; a different current state is the engine's 409.
import { PreconditionRequiredError } from '@revops/engine/shared'
import type { Context } from 'hono'
import type { AppEnv } from '../app-context.ts'

/** The state the client saw (quotes and a weak marker stripped); 428 when it did not say. */
export function requireIfMatch(c: Context<AppEnv>): string {
  const header = c.req.header('if-match')?.trim()
  const state = header?.replace(/^W\//, '').replace(/^"(.*)"$/, '$1')
  if (!state) {
    throw new PreconditionRequiredError(
      'send If-Match with the etag of what you reviewed (from the GET that showed it), so a verdict never overwrites one you did not see',
      { header: 'If-Match' },
    )
  }
  return state
}

/** Sets the ETag header for a state. */
export function setEtag(c: Context<AppEnv>, state: string): void {
  c.header('etag', `"${state}"`)
}
