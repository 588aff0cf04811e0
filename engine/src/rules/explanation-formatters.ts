// How values appear in explanations: `{{spend.amount | usd}}` → `5,000.00 USD`. Formatters are a
// closed list, checked when a ruleset is compiled, so a typo is a load error rather than odd text.

export type Formatter = (value: unknown, argument: string | undefined) => string

const UNAVAILABLE_TEXT = 'n/a'

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value
  if (typeof value === 'bigint') return Number(value)
  return undefined
}

const numberFormats = new Map<number, Intl.NumberFormat>()
function formatNumber(value: number, decimals: number): string {
  let format = numberFormats.get(decimals)
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    })
    numberFormats.set(decimals, format)
  }
  return format.format(value)
}

function decimalsOf(argument: string | undefined, fallback: number): number {
  const decimals = argument === undefined ? fallback : Number(argument)
  return Number.isInteger(decimals) && decimals >= 0 && decimals <= 6 ? decimals : fallback
}

/** Plain rendering: text as is, numbers in full, lists comma-separated, null as `n/a`. */
export function formatPlain(value: unknown): string {
  if (value === null || value === undefined) return UNAVAILABLE_TEXT
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value)
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(formatPlain).join(', ')
  if (value instanceof Map) return JSON.stringify(Object.fromEntries(value), jsonSafe)
  return JSON.stringify(value, jsonSafe)
}

function jsonSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? Number(value) : value
}

function numeric(render: (value: number, argument: string | undefined) => string): Formatter {
  return (value, argument) => {
    const number = toNumber(value)
    return number === undefined ? formatPlain(value) : render(number, argument)
  }
}

/** The formatters a placeholder may name after `|`, with an optional `:argument`. */
export const FORMATTERS: Readonly<Record<string, Formatter>> = {
  /** 5000 → `5,000.00 USD`. */
  usd: numeric((value) => `${formatNumber(value, 2)} USD`),
  /** 1234.5 → `1,234.5`; `number:2` fixes the decimals. */
  number: numeric((value, argument) =>
    argument === undefined
      ? value.toLocaleString('en-US', { maximumFractionDigits: 6 })
      : formatNumber(value, decimalsOf(argument, 2)),
  ),
  /** 0.853 → `85.3%`; `percent:0` → `85%`. */
  percent: numeric((value, argument) => `${formatNumber(value * 100, decimalsOf(argument, 1))}%`),
  /** true → `yes`. */
  yesno: (value) => (typeof value === 'boolean' ? (value ? 'yes' : 'no') : formatPlain(value)),
  /** A list → `a, b, c` (`none` when empty). */
  list: (value) => formatPlain(value),
  /** Any value as JSON. */
  json: (value) => JSON.stringify(value ?? null, jsonSafe),
}
