// Jaro–Winkler similarity: good for short strings with typos and shared prefixes (names, codes).

/** Jaro–Winkler similarity in [0, 1]; 1 for identical strings, 0 when either is empty. */
export function jaroWinkler(a: string, b: string, prefixScale = 0.1): number {
  if (a === b) return a.length === 0 ? 0 : 1
  const jaro = jaroSimilarity(a, b)
  let prefix = 0
  const limit = Math.min(4, a.length, b.length)
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++
  return jaro + prefix * prefixScale * (1 - jaro)
}

function jaroSimilarity(a: string, b: string): number {
  const lengthA = a.length
  const lengthB = b.length
  if (lengthA === 0 || lengthB === 0) return 0
  const window = Math.max(0, Math.floor(Math.max(lengthA, lengthB) / 2) - 1)
  const matchedA = new Uint8Array(lengthA)
  const matchedB = new Uint8Array(lengthB)
  let matches = 0
  for (let i = 0; i < lengthA; i++) {
    const start = Math.max(0, i - window)
    const end = Math.min(i + window + 1, lengthB)
    for (let j = start; j < end; j++) {
      if (matchedB[j] || a.charCodeAt(i) !== b.charCodeAt(j)) continue
      matchedA[i] = 1
      matchedB[j] = 1
      matches++
      break
    }
  }
  if (matches === 0) return 0
  let transpositions = 0
  let k = 0
  for (let i = 0; i < lengthA; i++) {
    if (!matchedA[i]) continue
    while (!matchedB[k]) k++
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++
    k++
  }
  return (matches / lengthA + matches / lengthB + (matches - transpositions / 2) / matches) / 3
}
