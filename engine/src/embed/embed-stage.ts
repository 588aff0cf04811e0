// Stage `embed` (SEARCH): embeds the identity and context texts of opportunities that changed. The
// embedder comes from whoever runs the stage (the pipeline creates one per run; the embedding worker keeps
// one loaded model for every job) and is released after the run.
import { z } from 'zod'
import { defineStage, type Stage } from '../stage/stage.ts'
import { type EmbedPendingResult, embedPending } from './embed-pending.ts'
import type { Embedder } from './embedder.ts'

export type EmbedStageReport = EmbedPendingResult

/** The stage over the embedder `acquireEmbedder` gives (closed after each run; a process that keeps one
 *  model loaded returns it with a no-op `close`). */
export function createEmbedStage(
  acquireEmbedder: () => Promise<Embedder>,
): Stage<Record<string, unknown>, EmbedStageReport> {
  return defineStage({
    name: 'embed',
    description: 'embed changed opportunity texts into search.embeddings',
    options: z.object({}),
    async run(context) {
      const embedder = await acquireEmbedder()
      try {
        return await embedPending({
          sql: context.db.sql,
          tenantId: context.tenant.config.tenant_id,
          embedder,
          signal: context.signal,
          onProgress: context.onProgress,
          log: context.log,
        })
      } finally {
        await embedder.close()
      }
    },
  })
}
