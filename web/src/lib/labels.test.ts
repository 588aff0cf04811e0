import {
  ACE_OWNERSHIPS as ENGINE_OWNERSHIPS,
  ACE_STAGES as ENGINE_STAGES,
} from '@revops/engine/normalize/ace-picklists'
import { describe, expect, it } from 'vitest'
import { ACE_OWNERSHIPS, ACE_STAGES } from './labels.ts'

// The browser bundle does not import the engine: it reads the picklists it offers as filters from the
// contract's generated types, which the API builds from the engine's canonical values.
describe('ACE picklists offered as filters', () => {
  it('are the canonical values normalisation writes', () => {
    expect(ACE_STAGES).toEqual(ENGINE_STAGES)
    expect(ACE_OWNERSHIPS).toEqual(ENGINE_OWNERSHIPS)
  })
})
