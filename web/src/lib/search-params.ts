// Reading page state from the URL's search parameters (as the router gives them: one string, or an
// array when a key repeats) and writing it back.
export type SearchParams = Partial<Record<string, string | string[] | undefined>>

/** Every non-blank value of `key`. */
export function paramValues(params: SearchParams, key: string): string[] {
  const value = params[key]
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v) => v.trim() !== '')
}

/** The first value of `key`, trimmed; undefined when it is missing or blank. */
export function firstParam(params: SearchParams, key: string): string | undefined {
  const value = params[key]
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined
}

/** `?a=1&b=2`, or the empty string when there is nothing to say. */
export function toSearch(params: URLSearchParams): string {
  const text = params.toString()
  return text ? `?${text}` : ''
}
