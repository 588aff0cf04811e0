// Every task the job worker runs, by identifier (the identifier is also ops.jobs.kind). `embed` is not
// here: only the embedding worker (its own process and queue, possibly on a GPU box) takes those jobs.
import { createLexicalEmbedder } from '@revops/engine/embed/lexical-embedder'
import { createPipelineStages } from '@revops/engine/pipeline/pipeline-stages'
import type { TaskList } from 'graphile-worker'
import type { WorkerDeps } from './task-runtime.ts'
import { decideTask } from './tasks/decide.ts'
import { matchTask } from './tasks/match.ts'
import { normalizeTask } from './tasks/normalize.ts'
import { pipelineTask } from './tasks/pipeline.ts'
import { syncTask } from './tasks/sync.ts'

export function createTaskList(deps: WorkerDeps): TaskList {
  return {
    sync: syncTask(deps),
    normalize: normalizeTask(deps),
    match: matchTask(deps),
    decide: decideTask(deps),
    pipeline: pipelineTask(
      deps,
      createPipelineStages({
        acquireEmbedder: deps.acquireEmbedder ?? (async () => createLexicalEmbedder()),
      }),
    ),
  }
}
