// The pipeline is an ordered list of stages (RAW -> CORE -> SEARCH -> MATCH -> RULES); each stage is a
// core function with this shape, so the CLI, the worker and tests run the same pipeline.
import type { Sql } from '@revops/db'
import type { Tenant } from '../config/load-tenant-config.ts'
import type { Logger } from '../logger.ts'
import type { ProgressListener } from '../progress.ts'

export interface PipelineContext {
  sql: Sql
  productUrl: string
  tenant: Tenant
  /** The evaluation date (YYYY-MM-DD); today unless given. */
  asOf: string
  jobId?: string | undefined
  signal?: AbortSignal | undefined
  onProgress: ProgressListener
  log: Logger
}

export interface PipelineStage {
  name: string
  description: string
  run(context: PipelineContext): Promise<Record<string, unknown>>
}
