// Odoo's translated names: varchar up to Odoo 15, jsonb `{"en_US": "Won", "fr_FR": "Gagné"}` from Odoo 16.

const LANGUAGE_SEPARATOR = /[-_]/

function languageKey(language: string): string {
  return language.trim().toLowerCase().replace('-', '_')
}

function baseLanguage(language: string): string {
  return languageKey(language).split(LANGUAGE_SEPARATOR)[0]!
}

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}

function fromTranslations(
  translations: Record<string, unknown>,
  preferred: readonly string[],
): string | null {
  const entries = Object.entries(translations)
  // Exact language first (`en_US`, also written `en-us`), then the same language anywhere (`en_GB`
  // for `en`), then whatever language has a value.
  for (const language of preferred) {
    const wanted = languageKey(language)
    const found = entries.find(([key, value]) => languageKey(key) === wanted && text(value) !== null)
    if (found !== undefined) return text(found[1])
  }
  for (const language of preferred) {
    const wanted = baseLanguage(language)
    const found = entries.find(([key, value]) => baseLanguage(key) === wanted && text(value) !== null)
    if (found !== undefined) return text(found[1])
  }
  for (const [, value] of entries) {
    const found = text(value)
    if (found !== null) return found
  }
  return null
}

function isTranslations(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Reads an Odoo name that is either plain text (Odoo 14–15) or translations (Odoo 16+), given as an
 * object or as its JSON text. Takes the first preferred language present, then the same language in
 * another region, then any language. Null for null, blank or an object without text.
 */
export function readTranslatedName(
  value: unknown,
  preferredLanguages: readonly string[] = ['en_US', 'en'],
): string | null {
  if (isTranslations(value)) return fromTranslations(value, preferredLanguages)
  if (typeof value === 'number' || typeof value === 'bigint') return String(value)
  const plain = text(value)
  if (plain === null || !plain.startsWith('{') || !plain.endsWith('}')) return plain
  try {
    const parsed: unknown = JSON.parse(plain)
    return isTranslations(parsed) ? fromTranslations(parsed, preferredLanguages) : plain
  } catch {
    // A name that merely looks like JSON (`{Internal}`) is still a name.
    return plain
  }
}
