// Helpers other packages' tests use (the engine's test fixtures that need no demo world).
export { buildTinyBgeM3 } from '../embed/testing/build-tiny-bge-m3.ts'
export { makeTestTenant } from '../ingest/testing/test-tenant.ts'
export { longestStall } from './event-loop-stall.ts'
