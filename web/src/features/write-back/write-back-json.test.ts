import { describe, expect, it } from 'vitest'
import { readField, toJsonLines } from './write-back-json.ts'

describe('toJsonLines', () => {
  it('indents the value and marks the lines of the key asked for', () => {
    const lines = toJsonLines(
      {
        Identifier: 'O1',
        PartnerOpportunityIdentifier: '42',
        Customer: { PartnerOpportunityIdentifier: 'x' },
      },
      'PartnerOpportunityIdentifier',
    )
    expect(lines.map((line) => line.text)).toEqual([
      '{',
      '  "Identifier": "O1",',
      '  "PartnerOpportunityIdentifier": "42",',
      '  "Customer": {',
      '    "PartnerOpportunityIdentifier": "x"',
      '  }',
      '}',
    ])
    expect(lines.filter((line) => line.marked).map((line) => line.text.trim())).toEqual([
      '"PartnerOpportunityIdentifier": "42",',
      '"PartnerOpportunityIdentifier": "x"',
    ])
  })

  it('marks nothing without a key, and does not mark a value that merely mentions it', () => {
    expect(toJsonLines({ a: 1 }).some((line) => line.marked)).toBe(false)
    expect(toJsonLines({ note: 'PartnerOpportunityIdentifier:' }, 'PartnerOpportunityIdentifier')[1]).toEqual(
      {
        text: '  "note": "PartnerOpportunityIdentifier:"',
        marked: false,
      },
    )
  })
})

describe('readField', () => {
  it('reads a non-empty string field, else null', () => {
    expect(readField({ PartnerOpportunityIdentifier: '42' }, 'PartnerOpportunityIdentifier')).toBe('42')
    expect(readField({ PartnerOpportunityIdentifier: '' }, 'PartnerOpportunityIdentifier')).toBeNull()
    expect(readField({ PartnerOpportunityIdentifier: 7 }, 'PartnerOpportunityIdentifier')).toBeNull()
    expect(readField(null, 'PartnerOpportunityIdentifier')).toBeNull()
  })
})
