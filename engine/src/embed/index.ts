// SEARCH: embedders, the embed stage, and handing embedding to the embedding worker.
export { createConfiguredEmbedder } from './create-embedder.ts'
export { embedPending } from './embed-pending.ts'
export { createEmbedStage } from './embed-stage.ts'
export type { Embedder } from './embedder.ts'
export { createLexicalEmbedder } from './lexical-embedder.ts'
export { createPgvectorIndex } from './pgvector-index.ts'
export { EMBED_TASK, queueEmbedding } from './queue-embedding.ts'
export { openVectorIndex, pgvectorVersion } from './vector-index.ts'
