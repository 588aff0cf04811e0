// Where matching goes wrong, by what the generator did to the records: each wrong or missing link at
// review-or-better is classed (never proposed, proposed but below review, linked to the wrong record)
// and counted per ground-truth tag (`name:rebrand`, `deal:repeat`, …), so a change can be aimed at a
// phenomenon and its effect read per phenomenon.
import type { Sql } from '@revops/db'
import type { GroundTruthRow } from '../demo/ground-truth.ts'

export type ErrorClass = 'not_proposed' | 'below_review' | 'wrong_link' | 'false_link'

export interface ErrorBreakdown {
  byClass: Record<ErrorClass, number>
  /** Per tag: errors of each class among records carrying it, and how many records carry it. */
  byTag: Map<string, { records: number; errors: Record<ErrorClass, number> }>
  /** Every error: the ACE record, the link expected and the one made, the ground-truth note. */
  errors: {
    class: ErrorClass
    aceId: string
    expected: string | null
    linked: string | null
    /** The probability of the link made (null when none). */
    probability: number | null
    note: string
  }[]
}

export async function errorBreakdown(
  sql: Sql,
  tenantId: string,
  leftEntity: string,
  reviewThreshold: number,
  truth: readonly GroundTruthRow[],
): Promise<ErrorBreakdown> {
  const rows = await sql<{ left_id: string; right_id: string; probability: number; selected: boolean }[]>`
    select left_id, right_id, probability, selected from match.candidates
    where tenant_id = ${tenantId} and left_entity = ${leftEntity}`
  const proposed = new Set(rows.map((r) => `${r.left_id}\u0000${r.right_id}`))
  const chosen = new Map(
    rows.filter((r) => r.selected && r.probability >= reviewThreshold).map((r) => [r.left_id, r]),
  )
  const byClass: Record<ErrorClass, number> = {
    not_proposed: 0,
    below_review: 0,
    wrong_link: 0,
    false_link: 0,
  }
  const byTag: ErrorBreakdown['byTag'] = new Map()
  const errors: ErrorBreakdown['errors'] = []
  for (const row of truth) {
    const expected = row.odooLeadId === null ? null : String(row.odooLeadId)
    const linked = chosen.get(row.aceId)?.right_id ?? null
    let error: ErrorClass | null = null
    if (expected === null) error = linked === null ? null : 'false_link'
    else if (linked === expected) error = null
    else if (linked !== null) error = 'wrong_link'
    else error = proposed.has(`${row.aceId}\u0000${expected}`) ? 'below_review' : 'not_proposed'
    const tags = new Set(
      row.note
        .split('; ')
        .filter(Boolean)
        .map((tag) => tag.replace(/:\d+$/, '')),
    )
    tags.add(`kind:${row.kind}`)
    for (const tag of tags) {
      const entry = byTag.get(tag) ?? {
        records: 0,
        errors: { not_proposed: 0, below_review: 0, wrong_link: 0, false_link: 0 },
      }
      entry.records++
      if (error) entry.errors[error]++
      byTag.set(tag, entry)
    }
    if (error) {
      byClass[error]++
      const probability = chosen.get(row.aceId)?.probability ?? null
      errors.push({ class: error, aceId: row.aceId, expected, linked, probability, note: row.note })
    }
  }
  return { byClass, byTag, errors }
}

/** The breakdown as text: the classes, then the tags with errors, most errors first. */
export function formatErrorBreakdown(breakdown: ErrorBreakdown): string {
  const classes = Object.entries(breakdown.byClass)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ')
  const tags = [...breakdown.byTag]
    .map(([tag, entry]) => ({ tag, ...entry, total: Object.values(entry.errors).reduce((a, b) => a + b, 0) }))
    .filter((entry) => entry.total > 0)
    .sort((a, b) => b.total - a.total || a.tag.localeCompare(b.tag))
    .map(
      (entry) =>
        `  ${entry.tag.padEnd(32)} ${String(entry.total).padStart(4)} of ${String(entry.records).padStart(4)}  (${Object.entries(
          entry.errors,
        )
          .filter(([, n]) => n > 0)
          .map(([name, n]) => `${name} ${n}`)
          .join(', ')})`,
    )
  return [`errors: ${classes}`, ...tags].join('\n')
}
