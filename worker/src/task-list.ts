// Every task the job worker runs, by identifier (the identifier is also ops.jobs.kind): each is a stage
// of the pipeline, or the pipeline itself. `embed` is not here: only the embedding worker (its own process
// and queue, possibly on a GPU box) takes those jobs.
import { rollupsStage } from '@revops/engine/billing'
import { decideStage } from '@revops/engine/decisions'
import { createLexicalEmbedder } from '@revops/engine/embed'
import { syncStage } from '@revops/engine/ingest'
import { matchStage } from '@revops/engine/match'
import { notifyStage } from '@revops/engine/notifications'
import { coreStage, createPipelineStage } from '@revops/engine/pipeline'
import { reportStage } from '@revops/engine/reports'
import { writeBackStage } from '@revops/engine/write-back'
import type { TaskList } from 'graphile-worker'
import { SCHEDULE_TICK, scheduleTickTask } from './schedule-tick.ts'
import { stageTask, type WorkerDeps } from './task-runtime.ts'

export function createTaskList(deps: WorkerDeps): TaskList {
  const acquireEmbedder = deps.acquireEmbedder ?? (async () => createLexicalEmbedder())
  return {
    sync: stageTask(deps, syncStage),
    normalize: stageTask(deps, coreStage),
    rollups: stageTask(deps, rollupsStage),
    match: stageTask(deps, matchStage),
    decide: stageTask(deps, decideStage),
    'write-back': stageTask(deps, writeBackStage),
    pipeline: stageTask(deps, createPipelineStage({ acquireEmbedder })),
    report: stageTask(deps, reportStage),
    notify: stageTask(deps, notifyStage),
    [SCHEDULE_TICK]: scheduleTickTask(deps),
  }
}
