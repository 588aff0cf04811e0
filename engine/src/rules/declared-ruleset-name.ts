// The `ruleset:` a YAML text declares, so a request body or a file anywhere names itself.
import { parseDocument } from 'yaml'

/** The declared name, or `fallback` when the text does not say (parseRulesetText then names the problem). */
export function declaredRulesetName(text: string, fallback: string): string {
  try {
    const value = parseDocument(text).get('ruleset')
    return typeof value === 'string' && value.length > 0 ? value : fallback
  } catch {
    return fallback
  }
}
