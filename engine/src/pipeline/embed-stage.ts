// Pipeline stage `embed` (SEARCH): embeds the identity and context texts of changed CORE opportunities.
import { embedPending } from '../embed/embed-stage.ts'
import type { Embedder } from '../embed/embedder.ts'
import type { PipelineStage } from './pipeline-stage.ts'

/**
 * The stage over an embedder from `acquireEmbedder`, closed after the run. A process that keeps one
 * embedder for many runs (loading bge-m3 takes seconds) passes a factory returning it with a no-op
 * `close`.
 */
export function createEmbedStage(acquireEmbedder: () => Promise<Embedder>): PipelineStage {
  return {
    name: 'embed',
    description: 'embed changed opportunity texts into search.embeddings',
    async run(context) {
      const embedder = await acquireEmbedder()
      try {
        const result = await embedPending({
          sql: context.sql,
          tenantId: context.tenant.config.tenant_id,
          embedder,
          signal: context.signal,
          onProgress: context.onProgress,
          log: context.log,
        })
        return {
          model: result.model,
          semantic: result.semantic,
          embedded: result.embedded,
          removed: result.removed,
          interrupted: result.interrupted,
        }
      } finally {
        await embedder.close()
      }
    },
  }
}
