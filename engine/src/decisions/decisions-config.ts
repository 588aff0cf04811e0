// A tenant's optional `decisions.yaml`: where the fact providers read what is not in CORE (the end-user
// reporting source) and which match comparisons the match facts come from. Absent file, absent
// sections: the defaults below, so existing tenants need nothing.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { parseYamlWithSchema } from '../config/parse-yaml.ts'

const name = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain identifier')

/** Where end-user reports are mirrored in RAW, and which document fields hold what. */
export const endUserSourceSchema = z.strictObject({
  /** RAW source name (raw.source_rows.source), e.g. `apn`. */
  source: name,
  /** RAW table name, e.g. `end_user`. */
  table: name.default('end_user'),
  fields: z
    .strictObject({
      opportunity_id: name.default('opportunity_id'),
      aws_account: name.default('aws_account'),
      usage_type: name.default('usage_type'),
      government_advising: name.default('government_advising'),
      reported_date: name.default('reported_date'),
    })
    .prefault({}),
})
export type EndUserSource = z.infer<typeof endUserSourceSchema>

export const decisionsConfigSchema = z.strictObject({
  /** Not set: end-user reporting is not evaluated (its facts are null). */
  end_user: endUserSourceSchema.nullable().default(null),
  match: z
    .strictObject({
      /** Left entity of match.candidates that ACE opportunities are. */
      entity: name.default('ace_opportunity'),
      /** Comparison whose value is the fuzzy customer-name similarity. */
      name_comparison: name.default('company_name'),
      /** Comparison whose level says whether a domain is shared. */
      domain_comparison: name.default('domain'),
      /** Levels of that comparison that mean agreement. */
      domain_agree_levels: z.array(z.string().min(1)).min(1).default(['shared', 'equal']),
      /** Embedding comparisons, in order of preference, whose value is the dense similarity. */
      dense_comparisons: z.array(name).default(['identity_embedding', 'context_embedding']),
    })
    .prefault({}),
})
export type DecisionsConfig = z.infer<typeof decisionsConfigSchema>

/** The configuration a tenant without `decisions.yaml` has. */
export const DEFAULT_DECISIONS_CONFIG: DecisionsConfig = decisionsConfigSchema.parse({})

/**
 * Reads `<tenantDir>/decisions.yaml` when it exists (defaults otherwise); throws ConfigError naming the
 * line of any problem.
 */
export async function loadDecisionsConfig(tenantDir: string): Promise<DecisionsConfig> {
  const file = path.join(tenantDir, 'decisions.yaml')
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return DEFAULT_DECISIONS_CONFIG
    throw error
  }
  // A file holding only comments is an empty document: the defaults.
  const schema = z.preprocess((value) => value ?? {}, decisionsConfigSchema)
  return parseYamlWithSchema(text, schema, file)
}
