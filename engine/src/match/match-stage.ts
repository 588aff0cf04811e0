// Stage `match` (MATCH): matches the tenant's left records (ACE opportunities) to the right ones (Odoo
// opportunities) as its matching.yaml describes — incremental with the stored model, or a full run that
// estimates the model again. A tenant without a matching.yaml has nothing to match.
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Sql } from '@revops/db'
import { z } from 'zod'
import { createPgvectorIndex } from '../embed/pgvector-index.ts'
import { pgvectorVersion } from '../embed/vector-index.ts'
import { ConfigError } from '../shared/errors.ts'
import { defineStage } from '../stage/stage.ts'
import { loadMatchingConfig } from './config/load-matching-config.ts'
import { type MatchTenantReport, matchTenant } from './match-tenant.ts'

export interface MatchStageReport {
  skipped?: string
  run_id?: string
  mode?: MatchTenantReport['mode']
  model?: MatchTenantReport['model']
  records?: number
  rescored?: number
  candidates?: number
  /** Pairs each blocking rule proposed. */
  blocking?: Record<string, number>
  bands?: Record<string, number>
  /** Where nearest-neighbour blocking asked. */
  vector_index?: 'pgvector' | 'memory'
}

export const matchStage = defineStage({
  name: 'match',
  description: 'match ACE opportunities to Odoo opportunities',
  options: z.object({
    /** `auto`: incremental when the stored model fits, else full. */
    mode: z.enum(['auto', 'full']).default('auto'),
    /**
     * Where nearest-neighbour blocking asks: `auto` uses pgvector's HNSW index when the extension is in the
     * database, else a graph built in this process (`memory`).
     */
    vectorIndex: z.enum(['auto', 'pgvector', 'memory']).default('auto'),
  }),
  async run(context, options): Promise<MatchStageReport> {
    if (!existsSync(path.join(context.tenant.dir, 'matching.yaml'))) return { skipped: 'no matching.yaml' }
    const vectorIndex = await openBlockingIndex(context.db.sql, options.vectorIndex)
    if (vectorIndex)
      context.log.info(`match: nearest neighbours from pgvector ${vectorIndex.version}'s HNSW index`)
    const report = await matchTenant({
      sql: context.db.sql,
      tenantId: context.tenant.config.tenant_id,
      config: await loadMatchingConfig(context.tenant),
      mode: options.mode,
      jobId: context.jobId,
      onProgress: context.onProgress,
      log: context.log,
      vectorIndex: vectorIndex?.index,
    })
    return {
      run_id: report.runId,
      mode: report.mode,
      model: report.model,
      records: report.leftRecords,
      rescored: report.rescored,
      candidates: report.candidatePairs,
      blocking: report.perRule,
      bands: report.bands,
      vector_index: vectorIndex ? 'pgvector' : 'memory',
    }
  },
})

/** pgvector's index when asked for or available (`auto`); undefined: the in-process graph. */
async function openBlockingIndex(sql: Sql, prefer: 'auto' | 'pgvector' | 'memory') {
  if (prefer === 'memory') return undefined
  const version = await pgvectorVersion(sql)
  if (version === null) {
    if (prefer === 'pgvector')
      throw new ConfigError('vectorIndex pgvector: the vector extension is not installed')
    return undefined
  }
  return { version, index: createPgvectorIndex(sql, { extensionVersion: version }) }
}
