import { describe, expect, it } from 'vitest'
import { buildCopyOutStatement, sourcePkExpression, splitSourcePk } from './source-query.ts'

const stamp = { tenantId: 'acme', source: 'crm', table: 'crm_lead', runId: '7' }
const plan = {
  schema: 'public',
  table: 'crm_lead',
  primaryKey: ['id'],
  watermarkColumn: 'write_date',
  excludeColumns: [],
}

describe('buildCopyOutStatement', () => {
  it('reads a full pass in key order and resumes after a key', () => {
    const first = buildCopyOutStatement(plan, { kind: 'full', afterKey: null }, stamp)
    expect(first).toContain('order by t."id"')
    expect(first).not.toContain('where')
    const resumed = buildCopyOutStatement(plan, { kind: 'full', afterKey: ['42'] }, stamp)
    expect(resumed).toContain(`where (t."id") > ('42')`)
  })

  it('reads increments by watermark, oldest first, and quotes odd names and values', () => {
    const odd = { ...plan, table: 'Odd"Table', excludeColumns: ["secret'col"] }
    const statement = buildCopyOutStatement(
      odd,
      {
        kind: 'incremental',
        since: "2026-01-01 00:00:00+00'",
        lookbackSeconds: 300,
      },
      { ...stamp, tenantId: "o'brien" },
    )
    expect(statement).toContain('"public"."Odd""Table"')
    expect(statement).toContain(`>= '2026-01-01 00:00:00+00'''::timestamptz - interval '300 seconds'`)
    expect(statement).toContain(`- array['secret''col']::text[]`)
    expect(statement).toContain('order by t."write_date", t."id"')
    expect(statement).toContain(`select 'o''brien', 'crm', 'crm_lead', s.pk`)
  })
})

describe('source primary keys', () => {
  it('round-trips composite keys through their text form', () => {
    expect(sourcePkExpression(['a', 'b'])).toBe('jsonb_build_array(t."a", t."b")::text')
    expect(splitSourcePk('[1, "x"]', 2)).toEqual(['1', 'x'])
    expect(splitSourcePk('17', 1)).toEqual(['17'])
  })
})
