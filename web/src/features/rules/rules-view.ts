// What the Rules page shows, as URL search parameters (`?tab=diff&from=1&to=2`, `?version=3`), so a
// reload, a bookmark or a shared link opens the same view.
import { firstParam, type SearchParams, toSearch } from '../../lib/search-params.ts'

export const RULES_TABS = ['rules', 'diff', 'edit'] as const
export type RulesTab = (typeof RULES_TABS)[number]

export const RULES_TAB_LABELS: Record<RulesTab, string> = {
  rules: 'Rules',
  diff: 'Compare versions',
  edit: 'Edit and simulate',
}

export interface RulesView {
  tab: RulesTab
  /** The version shown (and edited from); the latest when absent. */
  version?: number
  /** The versions compared on the diff tab; the two newest when absent. */
  from?: number
  to?: number
}

type Params = SearchParams
const one = firstParam

function readVersion(params: Params, key: string): number | undefined {
  const value = one(params, key)
  if (!value || !/^\d{1,9}$/.test(value)) return undefined
  const version = Number(value)
  return version >= 1 ? version : undefined
}

/** Reads the view from search parameters, dropping what no version or tab could be. */
export function readRulesView(params: Params): RulesView {
  const tab = one(params, 'tab')
  const view: RulesView = {
    tab: (RULES_TABS as readonly string[]).includes(tab ?? '') ? (tab as RulesTab) : 'rules',
  }
  for (const key of ['version', 'from', 'to'] as const) {
    const version = readVersion(params, key)
    if (version !== undefined) view[key] = version
  }
  return view
}

/** The view as a query string (`?tab=diff&from=1&to=2`), without the defaults; empty when all default. */
export function rulesSearch(view: RulesView): string {
  const params = new URLSearchParams()
  if (view.tab !== 'rules') params.set('tab', view.tab)
  for (const key of ['version', 'from', 'to'] as const) {
    const value = view[key]
    if (value !== undefined) params.set(key, String(value))
  }
  return toSearch(params)
}

/**
 * The two versions to compare: those asked for when both are published, else the newest and the one
 * before it (`versions` newest first). Null when fewer than two versions exist.
 */
export function comparedVersions(
  view: Pick<RulesView, 'from' | 'to'>,
  versions: readonly number[],
): { from: number; to: number } | null {
  if (versions.length < 2) return null
  const known = (version: number | undefined) => version !== undefined && versions.includes(version)
  const to = known(view.to) ? (view.to as number) : versions[0]!
  const from = known(view.from)
    ? (view.from as number)
    : (versions.find((version) => version < to) ?? versions[1]!)
  return { from, to }
}
