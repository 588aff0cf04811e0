import { describe, expect, it } from 'vitest'
import { createRecord } from '../record.ts'
import { DUPLICATE_OF_FIELD, withEarlierRecords } from './earlier-records.ts'

describe('withEarlierRecords', () => {
  it('brings the earlier record a re-entered candidate re-enters along as a candidate, once', () => {
    const right = [
      createRecord('525', { [DUPLICATE_OF_FIELD]: null }),
      createRecord('587', { [DUPLICATE_OF_FIELD]: '525' }),
      createRecord('600', { [DUPLICATE_OF_FIELD]: '999' }), // the earlier record is gone
    ]
    const candidates = [
      { left: 'A', right: '587', provenance: ['contact_person'] },
      { left: 'A', right: '600', provenance: ['domain'] },
      { left: 'B', right: '587', provenance: ['domain'] },
      { left: 'B', right: '525', provenance: ['name_trigram'] },
    ]
    expect(withEarlierRecords(candidates, right)).toEqual([
      ...candidates,
      { left: 'A', right: '525', provenance: ['reentry_of'] },
    ])
  })
})
