// Where each value of a ruleset file was written, so every later check can name the file and line.

/** Where a value was written. */
export interface SourceLocation {
  file: string
  /** The line the value starts on (for a `|` or `>` block scalar, the line of the indicator). */
  line: number
  /** A block scalar, whose text starts on the line after `line`. */
  block: boolean
  /** For a value written over several lines: the offset in the value where each line starts. */
  lineStarts?: number[]
}

/**
 * Locations keyed by dotted path: `ruleset`, `extends`, `parameters.<name>`, `rules.<id>`,
 * `rules.<id>.<field>`, `rules.<id>.requires.<i>`, `overrides.parameters.<name>`,
 * `overrides.rules.<id>.<field>`, …
 */
export type LocationIndex = Map<string, SourceLocation>
