import { describe, expect, it } from 'vitest'
import { comparedVersions, readRulesView, rulesSearch } from './rules-view.ts'

describe('the Rules page view in the URL', () => {
  it('reads the tab and versions, dropping what cannot be one', () => {
    expect(readRulesView({ tab: 'diff', from: '1', to: '2' })).toEqual({ tab: 'diff', from: 1, to: 2 })
    expect(readRulesView({ tab: 'nope', version: '0', from: 'x', to: '-3' })).toEqual({ tab: 'rules' })
    expect(readRulesView({ tab: ['edit', 'diff'], version: [' 4 '] })).toEqual({ tab: 'edit', version: 4 })
  })

  it('writes it back without the defaults', () => {
    expect(rulesSearch({ tab: 'rules' })).toBe('')
    expect(rulesSearch({ tab: 'rules', version: 3 })).toBe('?version=3')
    expect(rulesSearch({ tab: 'diff', from: 1, to: 2 })).toBe('?tab=diff&from=1&to=2')
    expect(
      readRulesView(Object.fromEntries(new URLSearchParams(rulesSearch({ tab: 'edit', version: 2 })))),
    ).toEqual({ tab: 'edit', version: 2 })
  })

  it('compares the two newest versions unless two published ones are chosen', () => {
    expect(comparedVersions({}, [3, 2, 1])).toEqual({ from: 2, to: 3 })
    expect(comparedVersions({ from: 1 }, [3, 2, 1])).toEqual({ from: 1, to: 3 })
    expect(comparedVersions({ from: 3, to: 1 }, [3, 2, 1])).toEqual({ from: 3, to: 1 })
    expect(comparedVersions({ to: 2 }, [3, 2, 1])).toEqual({ from: 1, to: 2 })
    expect(comparedVersions({ from: 9, to: 8 }, [2, 1])).toEqual({ from: 1, to: 2 })
    expect(comparedVersions({}, [1])).toBeNull()
    expect(comparedVersions({}, [])).toBeNull()
  })
})
