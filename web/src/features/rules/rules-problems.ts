// What is wrong with an edited ruleset, as the API says it (a 400 whose details list every problem with
// its file, line and path), in the shape the editor shows: one entry per problem, with the line when it
// is a line of the text being edited.
import { ApiError } from '../../lib/api-client.ts'

export interface RulesetProblem {
  /** The line in the editor; null when unknown or in another file (an `extends` parent). */
  line: number | null
  /** Where: `YAML syntax`, `rules.spend_threshold.pass`, or `body.yaml`; another file's name first. */
  where: string | null
  message: string
}

export interface RulesetProblems {
  /** The API refused the text (400): the analyst can fix it. Otherwise something failed on the way. */
  invalid: boolean
  problems: RulesetProblem[]
}

interface RawProblem {
  file?: unknown
  line?: unknown
  path?: unknown
  message?: unknown
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file
}

// The YAML library's messages end with `at line 3, column 5:` before a code frame the API leaves out.
function cleanMessage(message: string): string {
  return message.trim().replace(/:$/, '')
}

/**
 * The problems of a failed simulate or publish call. `fileName` is the file name the API gives the
 * edited text (`pod.yaml` for ruleset `pod`): only its lines are lines of the editor.
 */
export function readRulesetProblems(error: unknown, fileName: string): RulesetProblems {
  if (!(error instanceof ApiError))
    return {
      invalid: false,
      problems: [{ line: null, where: null, message: String((error as Error)?.message ?? error) }],
    }
  const details = (error.details ?? {}) as { problems?: unknown; file?: unknown; field?: unknown }
  const invalid = error.status === 400
  if (!invalid || !Array.isArray(details.problems) || details.problems.length === 0) {
    const field = typeof details.field === 'string' ? details.field : null
    return { invalid, problems: [{ line: null, where: field, message: cleanMessage(error.message) }] }
  }
  const problems = (details.problems as RawProblem[]).map((problem) => {
    const file =
      typeof problem.file === 'string' ? problem.file : typeof details.file === 'string' ? details.file : null
    const own = file === null || baseName(file) === fileName
    const line = typeof problem.line === 'number' && problem.line > 0 ? problem.line : null
    const path = typeof problem.path === 'string' && problem.path ? problem.path : null
    const where = path === '(yaml)' ? 'YAML syntax' : path
    return {
      line: own ? line : null,
      where: own
        ? where
        : [file && `${baseName(file)}${line ? `:${line}` : ''}`, where].filter(Boolean).join(' ') || null,
      message: cleanMessage(String(problem.message ?? 'invalid')),
    }
  })
  // Lines in order, so the list reads top to bottom like the text.
  return {
    invalid,
    problems: problems
      .map((problem, index) => ({ problem, index }))
      .sort((a, b) => (a.problem.line ?? Infinity) - (b.problem.line ?? Infinity) || a.index - b.index)
      .map((entry) => entry.problem),
  }
}

/** The offset of the first character of 1-based `line` in `text` (its end when the text is shorter). */
export function lineOffset(text: string, line: number): number {
  let offset = 0
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset)
    if (next < 0) return text.length
    offset = next + 1
  }
  return offset
}
