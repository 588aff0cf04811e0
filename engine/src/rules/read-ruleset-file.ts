// Reads one ruleset file: YAML and schema errors name their line (parseYamlWithSchema), and every value
// keeps where it was written, so later checks (CEL types, unknown facts) can name the line too.
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument, Scalar } from 'yaml'
import { parseYamlWithSchema } from '../config/parse-yaml.ts'
import type { LocationIndex, SourceLocation } from './ruleset-locations.ts'
import { problemAt, rulesetError } from './ruleset-problems.ts'
import { type RulesetFile, rulesetFileSchema } from './ruleset-schema.ts'

export type { LocationIndex, SourceLocation } from './ruleset-locations.ts'

// Folding turns each line break into one character (a space or a newline), so a line's start in the
// value is the lengths of the lines before it, each without its indentation, plus one.
function lineStartsOf(source: string, block: boolean): number[] | undefined {
  const lines = source.split('\n')
  const body = block ? lines.slice(1) : lines
  if (body.length < 2) return undefined
  const starts: number[] = []
  let offset = 0
  for (const line of body) {
    starts.push(offset)
    offset += line.trim().length + 1
  }
  return starts
}

export interface RulesetFileRead {
  file: RulesetFile
  fileName: string
  locations: LocationIndex
}

/** Parses and validates one ruleset file; throws ConfigError naming the file, line and problem. */
export function readRulesetFile(text: string, fileName: string): RulesetFileRead {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter, uniqueKeys: true })
  if (document.errors.length > 0) {
    // Syntax errors are reported here, with their line taken from the error's offset.
    const problems = document.errors.map((error) => ({
      file: fileName,
      line: lineCounter.linePos(error.pos[0]).line,
      path: '(yaml)',
      message: error.message.split('\n')[0] ?? error.message,
    }))
    throw rulesetError(fileName, problems)
  }
  const file = parseYamlWithSchema(text, rulesetFileSchema, fileName)
  const locations: LocationIndex = new Map()
  const locate = (node: Node): SourceLocation => {
    const [start = 0, end = start] = node.range ?? []
    const line = lineCounter.linePos(start).line
    if (!isScalar(node)) return { file: fileName, line, block: false }
    const block = node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED
    const lineStarts = lineStartsOf(text.slice(start, end), block)
    return lineStarts ? { file: fileName, line, block, lineStarts } : { file: fileName, line, block }
  }
  const record = (node: unknown, key: string) => {
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) return
    locations.set(key, locate(node))
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isPair(pair) && isScalar(pair.key)) record(pair.value, `${key}.${String(pair.key.value)}`)
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        record(item, `${key}.${index}`)
      })
    }
  }
  const root = document.contents
  if (isMap(root)) {
    for (const pair of root.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue
      const name = String(pair.key.value)
      if (name === 'rules' && isSeq(pair.value)) {
        locations.set('rules', locate(pair.value))
        // Rules are addressed by id, not by position, so overrides and errors can find them.
        pair.value.items.forEach((item, index) => {
          const id = file.rules[index]?.id
          if (!id) return
          if (locations.has(`rules.${id}`)) {
            const where = isScalar(item) || isMap(item) || isSeq(item) ? locate(item) : undefined
            throw rulesetError(file.ruleset, [
              problemAt(where, `rules.${index}.id`, `duplicate rule id ${id}`),
            ])
          }
          record(item, `rules.${id}`)
        })
      } else {
        record(pair.value, name)
      }
    }
  }
  return { file, fileName, locations }
}
