// The facts rules may use, declared once: the CEL type every condition is checked against at load, the
// TypeScript shape the fact providers produce, and the description shown to rule authors.

/** The CEL types facts use. Integers reach CEL as BigInt (see fact-activation.ts); doubles as numbers. */
export type FactType = 'string' | 'bool' | 'int' | 'double' | 'list<string>' | 'map<string, map<string, dyn>>'

export interface FactField<T extends FactType = FactType, N extends boolean = boolean> {
  type: T
  /** Whether the value may be null (unavailable). */
  nullable: N
  description: string
}

export interface FactGroup<
  F extends Record<string, FactField> = Record<string, FactField>,
  N extends boolean = boolean,
> {
  description: string
  /** Whether the whole group may be null (its source has nothing, or is not configured). */
  nullable: N
  fields: F
}

function required<const T extends FactType>(type: T, description: string): FactField<T, false> {
  return { type, nullable: false, description }
}

function nullable<const T extends FactType>(type: T, description: string): FactField<T, true> {
  return { type, nullable: true, description }
}

function group<const F extends Record<string, FactField>, const N extends boolean>(
  description: string,
  nullableGroup: N,
  fields: F,
): FactGroup<F, N> {
  return { description, nullable: nullableGroup, fields }
}

/** Every fact group and field rules may reference (`params` is per ruleset, see PARAMS_GROUP). */
export const FACT_CATALOG = {
  evaluation: group('The evaluation itself.', false, {
    date: required('string', 'The as-of date D (YYYY-MM-DD) every date rule is judged at.'),
  }),
  opportunity: group('The ACE opportunity being decided.', false, {
    id: required('string', 'ACE opportunity id.'),
    stage: nullable('string', 'ACE stage (Prospect … Launched, Closed Lost).'),
    status: nullable('string', 'ACE review status (Draft, Submitted, In review, Approved, …).'),
    ownership: nullable('string', '`opportunity_ownership`: Partner Referral or AWS Referral.'),
    is_open: required('bool', 'Stage is neither Launched nor Closed Lost.'),
    close_date: nullable('string', 'Target close date (YYYY-MM-DD).'),
    days_until_close: nullable('int', 'close_date − D in days (negative when the date has passed).'),
    created_at: nullable('string', 'When the opportunity was created in ACE (ISO 8601).'),
    aws_account_raw: nullable('string', 'The AWS account id as entered in ACE.'),
    aws_account_id: nullable('string', 'The account id canonicalised to 12 digits; null when not valid.'),
    aws_account_valid: required('bool', 'The entered account id canonicalises to 12 digits.'),
    aws_account_registered: required('bool', "Valid and present in the tenant's account registry."),
    benefit_window_start: nullable('string', 'First of the month after close_date (YYYY-MM-DD).'),
    benefit_window_end: nullable('string', 'benefit_window_start + 24 months − 1 day (YYYY-MM-DD).'),
  }),
  match: group('The best Odoo candidate for the opportunity; null when there is none.', true, {
    band: required('string', 'auto_link, review or no_link.'),
    probability: required('double', 'Match probability (0–1).'),
    odoo_lead_id: required('string', 'Odoo opportunity (crm.lead) id.'),
    name_similarity: nullable('double', 'Fuzzy customer-name similarity (0–1).'),
    domain_exact: nullable('bool', 'The two records share a web or e-mail domain.'),
    dense_similarity: nullable('double', 'Embedding (dense) similarity (0–1).'),
    comparisons: required(
      'map<string, map<string, dyn>>',
      'Per comparison name: `level` (string), `value` (dyn) and `bits` (double, evidence weight).',
    ),
  }),
  spend: group(
    "AWS spend of the opportunity's account; null when the account is not valid or not registered.",
    true,
    {
      amount: required('double', 'Sum of cost (USD) of the charge types in the month.'),
      month: required('string', 'The month summed (YYYY-MM).'),
      month_substituted: required(
        'bool',
        'The month before the close month had not closed on D: the last closed month stood in.',
      ),
      charge_types: required('list<string>', 'The charge types summed.'),
      cost_rows: required('int', 'Cost rows summed (0 means no spend recorded).'),
    },
  ),
  end_user: group(
    "The account's end-user reporting record; null when the tenant has no end-user source configured.",
    true,
    {
      exists: required('bool', 'An end-user record exists for the account.'),
      usage_type: nullable('string', 'Reported usage type (End User, …).'),
      government_advising: nullable('bool', 'The record says government-advised.'),
      days_after_creation: nullable('int', "Days from the opportunity's creation to the record."),
    },
  ),
  pipeline: group('Other ACE opportunities around this one.', false, {
    open_on_account: required('int', 'Other ACE opportunities on the same AWS account that are open.'),
    other_on_account: required('list<string>', 'Their ids.'),
    accounts_on_opportunity: required('int', 'AWS accounts named on the opportunity (1 normally).'),
  }),
} as const

/** Name and description of the per-ruleset parameters group; its fields are the ruleset's parameters. */
export const PARAMS_GROUP = {
  name: 'params',
  description: "The ruleset's parameters (numbers, strings, bools, lists), e.g. params.spend_threshold.",
} as const

export type FactCatalog = typeof FACT_CATALOG
export type FactGroupName = keyof FactCatalog

interface FactTypeValues {
  string: string
  bool: boolean
  int: number
  double: number
  'list<string>': string[]
  'map<string, map<string, dyn>>': Record<string, Record<string, unknown>>
}

type FieldValue<F> =
  F extends FactField<infer T, infer N> ? FactTypeValues[T] | (N extends true ? null : never) : never

type GroupValue<G> =
  G extends FactGroup<infer F, infer N>
    ? { [K in keyof F]: FieldValue<F[K]> } | (N extends true ? null : never)
    : never

/** What the fact providers produce for one ACE opportunity: null means unavailable. */
export type FactSet = { [K in FactGroupName]: GroupValue<FactCatalog[K]> }

/** A parameter value as a ruleset declares it. */
export type ParameterValue = number | string | boolean | number[] | string[] | boolean[]

/** Every catalogue path (`match`, `match.band`, …), for validating `requires` and `facts` lists. */
export function listFactPaths(): string[] {
  const paths: string[] = []
  for (const [name, definition] of Object.entries(FACT_CATALOG) as [string, FactGroup][]) {
    paths.push(name)
    for (const field of Object.keys(definition.fields)) paths.push(`${name}.${field}`)
  }
  return paths
}

/** The group and field definitions of a path; undefined when the catalogue has no such fact. */
export function findFact(path: string): { group: FactGroup; field?: FactField } | undefined {
  const [groupName, fieldName, ...rest] = path.split('.')
  if (rest.length > 0 || !groupName || !Object.hasOwn(FACT_CATALOG, groupName)) return undefined
  const definition = FACT_CATALOG[groupName as FactGroupName] as FactGroup
  if (fieldName === undefined) return { group: definition }
  const field = Object.hasOwn(definition.fields, fieldName) ? definition.fields[fieldName] : undefined
  return field ? { group: definition, field } : undefined
}
