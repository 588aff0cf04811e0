import { describe, expect, it } from 'vitest'
import { matchingConfigSchema } from './matching-config.ts'

const source = (entity: string) => ({
  entity,
  from: `core.${entity}s x`,
  tenant: 'x.tenant_id',
  id: 'x.id',
  updated: 'x.updated_at',
  fields: { name: 'x.name', domains: 'x.domains', rep: 'x.rep' },
})

const config = (comparisons: unknown[]) => ({
  left: source('left_record'),
  right: source('right_record'),
  blocking: [{ name: 'domain', kind: 'shared', left: 'domains', right: 'domains' }],
  comparisons,
})

describe('matching configuration: dependent comparisons', () => {
  it('accepts a comparison given an earlier one', () => {
    const parsed = matchingConfigSchema.parse(
      config([
        { name: 'name', kind: 'name', left: 'name', right: 'name' },
        { name: 'domain', kind: 'set', left: 'domains', right: 'domains', given: 'name' },
      ]),
    )
    expect(parsed.comparisons[1]!.given).toBe('name')
  })

  it('refuses a parent that is unknown, later or itself, naming the comparison', () => {
    for (const given of ['nope', 'rep', 'domain']) {
      const result = matchingConfigSchema.safeParse(
        config([
          { name: 'name', kind: 'name', left: 'name', right: 'name' },
          { name: 'domain', kind: 'set', left: 'domains', right: 'domains', given },
          { name: 'rep', kind: 'exact', left: 'rep', right: 'rep' },
        ]),
      )
      expect(result.success).toBe(false)
      const issue = result.error!.issues[0]!
      expect(issue.path).toEqual(['comparisons', 1, 'given'])
      expect(issue.message).toContain(`comparison domain is given "${given}"`)
    }
  })
})
