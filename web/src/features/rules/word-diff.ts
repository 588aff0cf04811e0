// Which words of a changed value changed: a condition or explanation that differs in one number should
// show that number highlighted, not two whole paragraphs. A longest common subsequence over words.

export interface DiffSegment {
  text: string
  /** Not in the other text (removed from `before`, added in `after`). */
  changed: boolean
}

// Whitespace, a word or dotted name (`spend.amount`, `0.85`), or one other character.
const TOKEN = /\s+|[A-Za-z0-9_$]+(?:\.[A-Za-z0-9_$]+)*|[^\s]/g

// Beyond this many tokens per side the table (n × m) gets large: mark the whole texts as changed.
const MAX_TOKENS = 600

function merge(segments: DiffSegment[]): DiffSegment[] {
  const merged: DiffSegment[] = []
  segments.forEach((segment, index) => {
    // Whitespace between two changed words belongs to the change: one highlight, not two.
    const between =
      segment.text.trim() === '' &&
      segments[index - 1]?.changed === true &&
      segments[index + 1]?.changed === true
    const changed = segment.changed || between
    const last = merged.at(-1)
    if (last && last.changed === changed) last.text += segment.text
    else merged.push({ text: segment.text, changed })
  })
  return merged
}

/** Splits `before` and `after` into runs of unchanged and changed text. */
export function diffWords(before: string, after: string): { before: DiffSegment[]; after: DiffSegment[] } {
  const a = before.match(TOKEN) ?? []
  const b = after.match(TOKEN) ?? []
  if (a.length > MAX_TOKENS || b.length > MAX_TOKENS)
    return { before: [{ text: before, changed: true }], after: [{ text: after, changed: true }] }
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lengths[i]![j] =
        a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!)
  const left: DiffSegment[] = []
  const right: DiffSegment[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      left.push({ text: a[i]!, changed: false })
      right.push({ text: b[j]!, changed: false })
      i++
      j++
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) left.push({ text: a[i++]!, changed: true })
    else right.push({ text: b[j++]!, changed: true })
  }
  while (i < a.length) left.push({ text: a[i++]!, changed: true })
  while (j < b.length) right.push({ text: b[j++]!, changed: true })
  return { before: merge(left), after: merge(right) }
}
