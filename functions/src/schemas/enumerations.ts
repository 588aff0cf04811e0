// The product's enumerations, in the contract so every client (the web UI included) reads them from the
// generated types instead of writing them again: outcomes, bands, and ACE's picklists in their canonical
// spelling (normalisation maps source variants onto them).
import { z } from '@hono/zod-openapi'
import { ACE_OWNERSHIPS, ACE_STAGES } from '@revops/engine/normalize'
import { OUTCOMES } from '@revops/engine/rules'

export const outcomeSchema = z.enum(OUTCOMES).openapi('Outcome')
export const aceStageSchema = z.enum(ACE_STAGES).openapi('AceStage')
export const aceOwnershipSchema = z.enum(ACE_OWNERSHIPS).openapi('AceOwnership')

/** Components no operation names directly (filters take them as text) but clients list. */
export const ENUMERATION_COMPONENTS = { AceStage: aceStageSchema, AceOwnership: aceOwnershipSchema }
