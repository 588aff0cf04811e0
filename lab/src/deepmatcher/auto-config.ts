// Configures the engine for a generic two-table problem from the data alone (no labels): each shared
// attribute becomes comparisons chosen by what its values look like.
import { type ComparisonSpec, codeTokens, wordTokens } from '@revops/engine/match'

export type AttributeKind = 'year' | 'number' | 'short_text' | 'long_text' | 'empty'

/** What an attribute holds, judged from its non-empty values on both sides. */
export function classifyAttribute(values: string[]): AttributeKind {
  const present = values.map((v) => v.trim()).filter((v) => v !== '')
  if (present.length < values.length * 0.05) return 'empty'
  const numeric = present.filter((v) => /^-?\d+(\.\d+)?$/.test(v.replace(/[$,\s]/g, '')))
  if (numeric.length >= present.length * 0.9) {
    const years = numeric.filter((v) => /^(1[89]|20)\d\d$/.test(v))
    return years.length >= numeric.length * 0.9 ? 'year' : 'number'
  }
  const averageWords = present.reduce((sum, v) => sum + wordTokens(v).length, 0) / present.length
  return averageWords <= 20 ? 'short_text' : 'long_text'
}

export interface AutoConfig {
  comparisons: ComparisonSpec[]
  kinds: Record<string, AttributeKind>
}

export function autoConfigure(
  attributes: string[],
  tableA: Record<string, string>[],
  tableB: Record<string, string>[],
): AutoConfig {
  const kinds: Record<string, AttributeKind> = {}
  const comparisons: ComparisonSpec[] = []
  const textAttributes: string[] = []
  for (const attribute of attributes) {
    const values = [...tableA, ...tableB].map((row) => row[attribute] ?? '')
    const kind = classifyAttribute(values)
    kinds[attribute] = kind
    if (kind === 'year')
      comparisons.push({
        kind: 'exact',
        name: attribute,
        left: attribute,
        right: attribute,
        term_frequency: false,
      })
    if (kind === 'number')
      comparisons.push({
        kind: 'number',
        name: attribute,
        left: attribute,
        right: attribute,
        relative: [0.05, 0.2, 0.5],
      })
    if (kind === 'short_text' || kind === 'long_text') {
      textAttributes.push(attribute)
      comparisons.push({
        kind: 'text',
        name: attribute,
        left: attribute,
        right: attribute,
        thresholds: [0.9, 0.75, 0.55, 0.35],
      })
    }
  }
  // Identifier-like codes anywhere in the text are worth a comparison of their own when common enough.
  const rows = [...tableA, ...tableB]
  const withCodes = rows.filter((row) => textAttributes.some((a) => codeTokens(row[a]).length > 0)).length
  if (textAttributes.length > 0 && withCodes >= rows.length * 0.2) {
    comparisons.push({ kind: 'codes', name: 'codes', left: textAttributes, right: textAttributes })
  }
  return { comparisons, kinds }
}
