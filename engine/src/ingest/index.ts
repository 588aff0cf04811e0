// RAW: mirroring source tables into raw.* (the sync stage).
export { syncSources } from './sync-sources.ts'
export type { SyncTableReport } from './sync-stage.ts'
export { syncStage } from './sync-stage.ts'
