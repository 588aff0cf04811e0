import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ConfigError } from '../shared/errors.ts'
import { parseYamlWithSchema } from './parse-yaml.ts'

const schema = z.strictObject({ name: z.string(), threshold: z.number() })

function problemOf(text: string): ConfigError {
  try {
    parseYamlWithSchema(text, schema, 'rules.yaml')
  } catch (error) {
    if (error instanceof ConfigError) return error
    throw error
  }
  throw new Error('expected a ConfigError')
}

describe('parseYamlWithSchema', () => {
  it('returns the validated document', () => {
    expect(parseYamlWithSchema('name: pod\nthreshold: 5000\n', schema, 'rules.yaml')).toEqual({
      name: 'pod',
      threshold: 5000,
    })
  })

  it('names the line of a YAML syntax error', () => {
    expect(problemOf('name: pod\nthreshold: [5000\nother: 1\n').message).toMatch(/rules\.yaml:3: /)
  })

  it('names the line and path of a value of the wrong type, and of an unknown key', () => {
    const error = problemOf('name: pod\nthreshold: five\nsevrity: 1\n')
    expect(error.message).toMatch(/rules\.yaml:2 at threshold: /)
    expect(error.message).toMatch(/rules\.yaml:\d+.*sevrity/)
  })
})

describe('parseYamlWithSchema and hostile documents', () => {
  it('refuses an alias bomb as a problem of the document, not of the server', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level)
      const name = String.fromCharCode(97 + level)
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`)
    }
    const bomb = lines.join('\n')
    expect(() => parseYamlWithSchema(bomb, z.record(z.string(), z.unknown()), 'bomb.yaml')).toThrow(
      ConfigError,
    )
    expect(() => parseYamlWithSchema(bomb, z.record(z.string(), z.unknown()), 'bomb.yaml')).toThrow(/alias/)
  })
})
