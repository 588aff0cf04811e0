// Runs a command body with a runtime and turns failures into a clear message and exit code.
import { AppError, coerceError } from '@revops/engine/shared'
import { type OpenRuntimeOptions, openRuntime, type Runtime } from './runtime.ts'

export async function withRuntime(
  options: OpenRuntimeOptions,
  body: (runtime: Runtime) => Promise<void>,
): Promise<void> {
  let runtime: Runtime | undefined
  try {
    runtime = await openRuntime(options)
    await body(runtime)
  } catch (thrown) {
    const error = coerceError(thrown)
    const prefix = error instanceof AppError ? `${error.code}: ` : ''
    process.stderr.write(`\nerror: ${prefix}${error.message}\n`)
    if (!(error instanceof AppError) && process.env.LOG_LEVEL === 'debug')
      process.stderr.write(`${error.stack}\n`)
    process.exitCode = 1
  } finally {
    await runtime?.close()
  }
}

/** Parses a positive integer option, naming the option when it is not one. */
export function positiveInt(name: string) {
  return (value: string): number => {
    const parsed = Number(value)
    if (!Number.isInteger(parsed) || parsed < 1)
      throw new Error(`${name} must be a positive integer, got "${value}"`)
    return parsed
  }
}

/** Parses a YYYY-MM-DD date option. */
export function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new Error(`expected a date as YYYY-MM-DD, got "${value}"`)
  }
  return value
}
