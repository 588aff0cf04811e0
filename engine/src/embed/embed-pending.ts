// The SEARCH stage core: embeds the identity and context text of every CORE opportunity whose text
// (or embedding model) changed since it was last embedded, and removes vectors whose record is gone.
import type { Sql } from '@revops/db'
import { ConflictError } from '../shared/errors.ts'
import { type Logger, silentLogger } from '../shared/logger.ts'
import type { ProgressListener } from '../shared/progress.ts'
import { EMBED_SOURCES, type EmbedSource } from './embed-sources.ts'
import type { Embedder } from './embedder.ts'
import {
  deleteTexts,
  type EmbeddingRow,
  readStoredTexts,
  textKey,
  upsertEmbeddings,
} from './embedding-writes.ts'
import { type TextKind, textHash } from './texts.ts'

export interface EmbedPendingOptions {
  sql: Sql
  tenantId: string
  embedder: Embedder
  onProgress?: ProgressListener
  /** Stops after the batch in flight; the result then says `interrupted`. */
  signal?: AbortSignal | undefined
  log?: Logger
  /** Records read per query. */
  pageSize?: number
  sources?: EmbedSource[]
}

export interface EntityEmbedResult {
  entityKind: string
  records: number
  embedded: number
  unchanged: number
  removed: number
}

export interface EmbedPendingResult {
  model: string
  /** False for the lexical fallback: its neighbours share spelling, not meaning. */
  semantic: boolean
  dimensions: number
  entities: EntityEmbedResult[]
  embedded: number
  removed: number
  interrupted: boolean
}

interface PendingText {
  entityId: string
  textKind: TextKind
  text: string
  hash: string
}

/**
 * Embeds what changed for one tenant. Runs once per tenant at a time (a second call fails with a
 * ConflictError); needs a pool of at least two connections (one holds the lock).
 */
export async function embedPending(options: EmbedPendingOptions): Promise<EmbedPendingResult> {
  const { sql, tenantId } = options
  const lockKey = `revops.embed:${tenantId}`
  const lock = await sql.reserve()
  try {
    const [locked] = await lock<
      { locked: boolean }[]
    >`select pg_try_advisory_lock(hashtext(${lockKey})) as locked`
    if (!locked?.locked) throw new ConflictError(`embedding of tenant "${tenantId}" is already running`)
    try {
      return await embedSources(options)
    } finally {
      await lock`select pg_advisory_unlock(hashtext(${lockKey}))`
    }
  } finally {
    lock.release()
  }
}

async function embedSources(options: EmbedPendingOptions): Promise<EmbedPendingResult> {
  const { embedder } = options
  const log = options.log ?? silentLogger
  const result: EmbedPendingResult = {
    model: embedder.model,
    semantic: embedder.semantic,
    dimensions: embedder.dimensions,
    entities: [],
    embedded: 0,
    removed: 0,
    interrupted: false,
  }
  for (const source of options.sources ?? EMBED_SOURCES) {
    if (options.signal?.aborted) break
    const entity = await embedSource(source, options)
    result.entities.push(entity)
    result.embedded += entity.embedded
    result.removed += entity.removed
  }
  result.interrupted = options.signal?.aborted ?? false
  const kind = embedder.semantic ? 'semantic' : 'lexical fallback, not semantic'
  log.info(
    `embed: ${result.embedded} texts embedded, ${result.removed} removed with ${embedder.model} (${kind})` +
      (result.interrupted ? '; interrupted, the rest follows on the next run' : ''),
  )
  return result
}

async function embedSource(source: EmbedSource, options: EmbedPendingOptions): Promise<EntityEmbedResult> {
  const { sql, tenantId, embedder } = options
  const step = `embed ${source.entityKind}`
  const pageSize = options.pageSize ?? 1000
  const stored = await readStoredTexts(sql, tenantId, source.entityKind)
  const total = await source.count(sql, tenantId)
  const entity: EntityEmbedResult = {
    entityKind: source.entityKind,
    records: 0,
    embedded: 0,
    unchanged: 0,
    removed: 0,
  }
  const vanished: { entityId: string; textKind: TextKind }[] = []
  let pending: PendingText[] = []

  // The write of one batch overlaps the embedding of the next (a GPU model waits for no INSERT).
  let writing: Promise<void> = Promise.resolve()
  const flush = async (all: boolean) => {
    while (pending.length >= embedder.batchSize || (all && pending.length > 0)) {
      const batch = pending.slice(0, embedder.batchSize)
      pending = pending.slice(batch.length)
      const rows = await embedBatch(embedder, source.entityKind, batch)
      await writing
      writing = upsertEmbeddings(sql, tenantId, embedder.model, rows)
      // Handled here so a failed write is not reported as unhandled while the next batch embeds;
      // the next `await writing` still throws it.
      writing.catch(() => {})
      entity.embedded += batch.length
      if (options.signal?.aborted) break
    }
    if (all || options.signal?.aborted) await writing
  }

  options.onProgress?.({ step, done: 0, total })
  let afterId: string | null = null
  for (;;) {
    const page = await source.readPage(sql, tenantId, afterId, pageSize)
    for (const record of page) {
      for (const textKind of ['identity', 'context'] as const) {
        const text = record[textKind]
        const key = textKey(record.entityId, textKind)
        const before = stored.get(key)
        if (text === null) {
          if (before) vanished.push({ entityId: record.entityId, textKind })
          continue
        }
        const hash = textHash(text)
        if (before?.textHash === hash && before.model === embedder.model) entity.unchanged += 1
        else pending.push({ entityId: record.entityId, textKind, text, hash })
      }
    }
    entity.records += page.length
    await flush(false)
    options.onProgress?.({ step, done: entity.records, total: Math.max(total, entity.records) })
    if (options.signal?.aborted) {
      await writing
      return entity
    }
    if (page.length < pageSize) break
    afterId = page[page.length - 1]!.entityId
  }
  await flush(true)
  if (options.signal?.aborted) return entity
  entity.removed += await deleteTexts(sql, tenantId, source.entityKind, vanished)
  entity.removed += await source.deleteOrphans(sql, tenantId)
  return entity
}

async function embedBatch(
  embedder: Embedder,
  entityKind: string,
  batch: PendingText[],
): Promise<EmbeddingRow[]> {
  const embeddings = await embedder.embed(batch.map((item) => item.text))
  if (embeddings.length !== batch.length)
    throw new Error(`${embedder.model} returned ${embeddings.length} embeddings for ${batch.length} texts`)
  return batch.map((item, i) => {
    const embedding = embeddings[i]!
    if (embedding.dense.length !== embedder.dimensions)
      throw new Error(
        `${embedder.model} returned a ${embedding.dense.length}-d vector; expected ${embedder.dimensions}`,
      )
    return {
      entityKind,
      entityId: item.entityId,
      textKind: item.textKind,
      textHash: item.hash,
      vector: embedding.dense,
      sparse: embedding.sparse,
    }
  })
}
