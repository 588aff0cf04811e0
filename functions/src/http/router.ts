// Every router shares the validation hook, so invalid input always becomes the same 400 error.
import { OpenAPIHono } from '@hono/zod-openapi'
import { ValidationError } from '@revops/engine/shared'
import type { ZodError } from 'zod'
import type { AppEnv } from '../app-context.ts'

export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error, result.target)
      return undefined
    },
  })
}

/** Names each invalid field (`query.limit`, `body.note`) with its problem. */
export function validationError(error: ZodError, target: string): ValidationError {
  const fields = error.issues.map((issue) => ({
    field: [target === 'json' ? 'body' : target, ...issue.path.map(String)].join('.'),
    problem: issue.message,
  }))
  const message = fields.map((f) => `${f.field}: ${f.problem}`).join('; ')
  return new ValidationError(message || 'invalid request', { fields })
}
