// What every entity normaliser receives.
import type { Sql } from '@revops/db'
import type { AceSource } from '../../config/ace-source.ts'
import type { MappingsConfig } from '../../config/tenant-config.ts'
import type { Logger } from '../../shared/logger.ts'
import type { ProgressListener } from '../../shared/progress.ts'
import type { ChangeWindow } from './change-window.ts'
import type { IssueLog } from './issue-log.ts'
import type { OdooDimensions } from './odoo-dimensions.ts'

export interface NormalizeContext {
  sql: Sql
  tenantId: string
  window: ChangeWindow
  mappings: MappingsConfig
  /** Where ACE opportunities come from (the APN database or the Selling API). */
  aceSource: AceSource
  dimensions: OdooDimensions
  /** Whether the Odoo lookup tables changed in this window (then their users are re-normalised). */
  dimensionsChanged: boolean
  issues: IssueLog
  onProgress: ProgressListener
  log: Logger
}

export interface EntityResult {
  entity: string
  /** RAW rows looked at. */
  examined: number
  /** CORE rows inserted or changed. */
  written: number
  deleted: number
  skipped?: boolean
}

export function removeDuplicates<T>(values: Iterable<T>): T[] {
  return [...new Set(values)]
}
