// The API: the Hono app over the OpenAPI contract, and what a host composes it with.
export { createApp } from './app.ts'
export { createMatchingSessions } from './matching-sessions.ts'
export { cachedTenantLoader } from './tenant-cache.ts'
