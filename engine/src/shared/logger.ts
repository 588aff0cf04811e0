// A small structured logger: human-readable lines on a terminal, JSON lines otherwise (for log shipping).

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]
export type LogFields = Record<string, unknown>

export interface Logger {
  debug(message: string, fields?: LogFields): void
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
  child(fields: LogFields): Logger
}

export interface LoggerOptions {
  level?: LogLevel
  format?: 'pretty' | 'json'
  /** Where lines go; stderr by default so command output on stdout stays clean. */
  write?: (line: string) => void
  fields?: LogFields
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = ORDER[options.level ?? 'info']
  const format = options.format ?? 'pretty'
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`))
  const base = options.fields ?? {}

  const emit = (level: LogLevel, message: string, fields?: LogFields) => {
    if (ORDER[level] < threshold) return
    const all = { ...base, ...fields }
    if (format === 'json') {
      write(JSON.stringify({ time: new Date().toISOString(), level, message, ...serializeFields(all) }))
      return
    }
    const extras = Object.entries(serializeFields(all))
      .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
      .join(' ')
    const tag = level === 'info' ? '' : `${level.toUpperCase()} `
    write(`${tag}${message}${extras ? `  ${extras}` : ''}`)
  }

  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (fields) => createLogger({ ...options, fields: { ...base, ...fields } }),
  }
}

/** A logger that drops everything (tests, library defaults). */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child: () => silentLogger,
}

function serializeFields(fields: LogFields): LogFields {
  const out: LogFields = {}
  for (const [key, value] of Object.entries(fields)) {
    out[key] = value instanceof Error ? { name: value.name, message: value.message } : value
  }
  return out
}
