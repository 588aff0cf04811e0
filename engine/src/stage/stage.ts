// One shape for every stage of the pipeline (RAW → CORE → SEARCH → MATCH → RULES): a function over one
// context, with options a job payload or a command line can carry (a zod schema, defaults applied), that
// returns a typed report. The worker's task, the pipeline and the CLI command all call the same stage,
// so the report reads the same whoever ran it, and a new stage or source is one module.
import type { Sql } from '@revops/db'
import type { z } from 'zod'
import type { Tenant } from '../config/load-tenant-config.ts'
import { type IsoDate, todayIso } from '../shared/clock.ts'
import { type Logger, silentLogger } from '../shared/logger.ts'
import { ignoreProgress, type ProgressListener } from '../shared/progress.ts'

export interface StageContext {
  tenant: Tenant
  /** The product database: a client whose sessions see this tenant, and its URL for stages that open
   *  connections of their own (the same binding). */
  db: { sql: Sql; url: string }
  /** The run's as-of date: what "today" is for every stage of the run. */
  asOf: IsoDate
  /** The job the run belongs to, when a worker runs it. */
  jobId?: string | undefined
  /** Fires when the run should stop: a stage finishes the batch in flight and returns. */
  signal: AbortSignal
  onProgress: ProgressListener
  log: Logger
}

export interface Stage<Options, Report> {
  name: string
  description: string
  /** What a job payload or a command carries; parsing applies the defaults. */
  options: z.ZodType<Options>
  run(context: StageContext, options: Options): Promise<Report>
}

/** Declares a stage (the identity function: it gives the literal its type). */
export function defineStage<Options, Report>(stage: Stage<Options, Report>): Stage<Options, Report> {
  return stage
}

export interface StageContextInput {
  tenant: Tenant
  sql: Sql
  url: string
  /** Today (UTC) unless given. */
  asOf?: IsoDate | undefined
  jobId?: string | undefined
  signal?: AbortSignal | undefined
  onProgress?: ProgressListener | undefined
  log?: Logger | undefined
}

/** A context with the defaults every caller would otherwise repeat. */
export function stageContext(input: StageContextInput): StageContext {
  return {
    tenant: input.tenant,
    db: { sql: input.sql, url: input.url },
    asOf: input.asOf ?? todayIso(),
    jobId: input.jobId,
    signal: input.signal ?? new AbortController().signal,
    onProgress: input.onProgress ?? ignoreProgress,
    log: input.log ?? silentLogger,
  }
}
