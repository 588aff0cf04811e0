// The generated demo world: Odoo and APN source databases shaped like a partner's, with ground truth.
export { ensureCurrentDemoWorld } from './current-demo-world.ts'
export { type DemoPhenomena, PHENOMENA_KEYS, parseRates } from './phenomena.ts'
export { DEFAULT_ANCHOR_DATE, DEMO_DATABASES, readGroundTruth, seedDemoSources } from './seed-demo-sources.ts'
