// Data of the Rules page: the published versions of the tenant's `pod` ruleset, one version with its YAML
// and resolved rules, the difference between two, and the analyst's acts: simulate an edit against
// today's decisions (writes nothing), publish it as a new version.
import { action, json, query } from '@solidjs/router'
import { api, type Schemas, unwrap } from '../../lib/api-client.ts'
import { getRules } from '../pod/pod.ts'

/** The ruleset the POD decisions are made with. */
export const RULESET = 'pod'

/** The file name the API gives an edited text in its problems (`pod.yaml`). */
export const RULESET_FILE = `${RULESET}.yaml`

const path = { ruleset: RULESET }

export type RulesetConfig = Schemas['RulesetConfig']
export type RulesetVersion = Schemas['RulesetVersionSummary']
export type SimulationReport = Schemas['SimulationReport']

/** Every published version, newest first (empty before the first evaluation publishes the file). */
export const listRulesetVersions = query(
  () => unwrap(api.GET('/api/v1/rules/{ruleset}/versions', { params: { path } })),
  'ruleset-versions',
)

/** One published version (the latest when `version` is absent), or the tenant's unpublished file. */
export const getRulesetConfig = query(
  (version?: number): Promise<RulesetConfig> =>
    unwrap(api.GET('/api/v1/rules/{ruleset}/config', { params: { path, query: { version } } })),
  'ruleset-config',
)

/** What changed from published version `from` to `to`. */
export const getRulesetDiff = query(
  (from: number, to: number) =>
    unwrap(api.GET('/api/v1/rules/{ruleset}/diff', { params: { path, query: { from, to } } })),
  'ruleset-diff',
)

/**
 * The as-of date of today's decisions (the newest one's), so a simulation judges the same day the
 * decisions in the queue were taken on; null before any decision.
 */
export const getDecisionsAsOf = query(async (): Promise<string | null> => {
  const page = await unwrap(
    api.GET('/api/v1/decisions', { params: { query: { limit: 1, sort: 'evaluated_at', order: 'desc' } } }),
  )
  return page.items[0]?.as_of ?? null
}, 'rules-decisions-as-of')

/** How an edited ruleset would change today's decisions. Writes nothing, so nothing is read again. */
export const simulateRuleset = action(async (yaml: string, asOf?: string) => {
  const report = await unwrap(
    api.POST('/api/v1/rules/{ruleset}/simulate', {
      params: { path },
      body: asOf ? { yaml, as_of: asOf } : { yaml },
    }),
  )
  return json(report, { revalidate: [] })
}, 'simulate-ruleset')

/**
 * Validates and publishes the text as the next version (by the API key's name); the latest version when
 * it equals that one (nothing is stored then). The version list and every ruleset view are read again.
 */
export const publishRuleset = action(async (yaml: string) => {
  const config = await unwrap(api.PUT('/api/v1/rules/{ruleset}/config', { params: { path }, body: { yaml } }))
  return json(config, { revalidate: [listRulesetVersions.key, getRulesetConfig.key, getRules.key] })
}, 'publish-ruleset')
