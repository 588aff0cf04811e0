// The analyst's unpublished edit of the ruleset, kept in this tab's session storage so a reload (or a
// look at another page) does not lose it; dropped when it is published or discarded.

const STORAGE_KEY = 'revops.rulesDraft'

export interface RulesDraft {
  /** The version the edit started from; null for the unpublished tenant file. */
  from: number | null
  yaml: string
}

export function readRulesDraft(ruleset: string): RulesDraft | null {
  try {
    const stored = JSON.parse(window.sessionStorage.getItem(`${STORAGE_KEY}.${ruleset}`) ?? 'null') as unknown
    const draft = stored as Partial<RulesDraft> | null
    if (draft && typeof draft.yaml === 'string' && (typeof draft.from === 'number' || draft.from === null))
      return { from: draft.from, yaml: draft.yaml }
  } catch {
    // Unreadable storage (private mode, a hand-edited value) just means there is no draft.
  }
  return null
}

export function saveRulesDraft(ruleset: string, draft: RulesDraft | null): void {
  try {
    if (draft) window.sessionStorage.setItem(`${STORAGE_KEY}.${ruleset}`, JSON.stringify(draft))
    else window.sessionStorage.removeItem(`${STORAGE_KEY}.${ruleset}`)
  } catch {
    // Full or blocked storage: the edit stays in the page, only a reload would lose it.
  }
}
