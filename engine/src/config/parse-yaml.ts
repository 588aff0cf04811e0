// Parses YAML and validates it with a zod schema, reporting every problem with its file and line.
import { isNode, LineCounter, parseDocument } from 'yaml'
import type { z } from 'zod'
import { ConfigError } from '../shared/errors.ts'

export interface ConfigProblem {
  path: string
  line?: number
  message: string
}

/** Parses `text` (from `fileName`) and validates it; throws ConfigError listing each problem with its line. */
export function parseYamlWithSchema<S extends z.ZodType>(
  text: string,
  schema: S,
  fileName: string,
): z.output<S> {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => ({
      path: '',
      line: error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line,
      message: error.message.split('\n')[0] ?? error.message,
    }))
    throw new ConfigError(describeProblems(fileName, problems), { problems, file: fileName })
  }
  const result = schema.safeParse(toPlainValue(document, fileName))
  if (result.success) return result.data
  const problems = result.error.issues.map((issue) => {
    const node = document.getIn(issue.path as (string | number)[], true)
    const parentNode = document.getIn(issue.path.slice(0, -1) as (string | number)[], true)
    const located = isNode(node) ? node : isNode(parentNode) ? parentNode : undefined
    const offset = located?.range?.[0]
    return {
      path: issue.path.join('.'),
      line: offset === undefined ? undefined : lineCounter.linePos(offset).line,
      message: issue.message,
    }
  })
  throw new ConfigError(describeProblems(fileName, problems), { problems, file: fileName })
}

// Aliases can make a few bytes of YAML expand to gigabytes ("billion laughs"): yaml refuses documents
// that use aliases too much, and that is a problem of the document, not of the server.
function toPlainValue(document: ReturnType<typeof parseDocument>, fileName: string): unknown {
  try {
    return document.toJS({ maxAliasCount: 100 })
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? 'cannot be read'
    const problems = [{ path: '', message }]
    throw new ConfigError(describeProblems(fileName, problems), { problems, file: fileName })
  }
}

function describeProblems(fileName: string, problems: ConfigProblem[]): string {
  const lines = problems.map(
    (p) => `  ${fileName}${p.line ? `:${p.line}` : ''}${p.path ? ` at ${p.path}` : ''}: ${p.message}`,
  )
  return `invalid configuration in ${fileName}:\n${lines.join('\n')}`
}
