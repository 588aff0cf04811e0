import { describe, expect, it } from 'vitest'
import { ApiError } from '../../lib/api-client.ts'
import { lineOffset, readRulesetProblems } from './rules-problems.ts'

const invalid = (details: unknown, message = 'invalid ruleset pod:\n  …') =>
  new ApiError(400, 'invalid_config', message, 'corr-1', details)

describe('readRulesetProblems', () => {
  it('lists the API problems in line order, with the lines of the edited file', () => {
    const error = invalid({
      ruleset: 'pod',
      problems: [
        {
          file: 'pod.yaml',
          line: 61,
          path: 'rules.spend_threshold.explanation.pass',
          message: 'no such overload',
        },
        { file: 'pod.yaml', line: 54, path: 'rules.spend_threshold.pass', message: 'No such key: amont' },
        { file: '/tenants/demo/rules/base.yaml', line: 3, path: 'rules.x.pass', message: 'in the parent' },
      ],
    })
    expect(readRulesetProblems(error, 'pod.yaml')).toEqual({
      invalid: true,
      problems: [
        { line: 54, where: 'rules.spend_threshold.pass', message: 'No such key: amont' },
        { line: 61, where: 'rules.spend_threshold.explanation.pass', message: 'no such overload' },
        { line: null, where: 'base.yaml:3 rules.x.pass', message: 'in the parent' },
      ],
    })
  })

  it('names YAML syntax errors so, and takes the file from the details when a problem lacks it', () => {
    const syntax = invalid({
      problems: [
        {
          file: 'pod.yaml',
          line: 20,
          path: '(yaml)',
          message: 'Flow sequence must end with a ] at line 20, column 3:',
        },
      ],
    })
    expect(readRulesetProblems(syntax, 'pod.yaml').problems).toEqual([
      { line: 20, where: 'YAML syntax', message: 'Flow sequence must end with a ] at line 20, column 3' },
    ])
    const schema = invalid({
      file: 'pod.yaml',
      problems: [{ path: 'rules.0.severity', line: 29, message: 'Invalid option' }],
    })
    expect(readRulesetProblems(schema, 'pod.yaml').problems[0]).toMatchObject({
      line: 29,
      where: 'rules.0.severity',
    })
  })

  it('keeps the message of a refusal without problems, and of a failure that is not the text', () => {
    const declared = new ApiError(400, 'validation_failed', 'the YAML declares ruleset x', 'c', {
      field: 'body.yaml',
    })
    expect(readRulesetProblems(declared, 'pod.yaml')).toEqual({
      invalid: true,
      problems: [{ line: null, where: 'body.yaml', message: 'the YAML declares ruleset x' }],
    })
    const down = new ApiError(0, 'unreachable', 'The server cannot be reached.', null)
    expect(readRulesetProblems(down, 'pod.yaml')).toEqual({
      invalid: false,
      problems: [{ line: null, where: null, message: 'The server cannot be reached.' }],
    })
  })
})

describe('lineOffset', () => {
  it('finds where a line starts', () => {
    const text = 'a: 1\nbb: 2\nccc: 3'
    expect(lineOffset(text, 1)).toBe(0)
    expect(lineOffset(text, 2)).toBe(5)
    expect(lineOffset(text, 3)).toBe(11)
    expect(lineOffset(text, 9)).toBe(text.length)
  })
})
