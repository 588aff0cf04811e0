// Renders core progress reports as terminal progress bars (one per step), or as occasional log lines
// when stderr is not a terminal.
import type { Progress, ProgressListener } from '@revops/engine/shared'
import cliProgress from 'cli-progress'

export interface ProgressDisplay {
  listener: ProgressListener
  stop(): void
}

export function createProgressDisplay(stream: NodeJS.WriteStream = process.stderr): ProgressDisplay {
  if (!stream.isTTY) return createLineDisplay(stream)
  const multibar = new cliProgress.MultiBar(
    {
      stream,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
      format: ' {step} |{bar}| {value}/{total} {unit} {eta_formatted}',
      formatValue: (value, _options, type) =>
        type === 'value' || type === 'total' ? formatCount(value) : String(value),
    },
    cliProgress.Presets.shades_classic,
  )
  const bars = new Map<string, cliProgress.SingleBar>()
  return {
    listener: (progress: Progress) => {
      const step = progress.step.padEnd(28).slice(0, 28)
      const total = progress.total ?? Math.max(progress.done, 1)
      let bar = bars.get(progress.step)
      if (!bar) {
        bar = multibar.create(total, 0, { step, unit: 'rows' })
        bars.set(progress.step, bar)
      }
      bar.setTotal(Math.max(total, progress.done))
      bar.update(progress.done, { step, unit: 'rows' })
    },
    stop: () => multibar.stop(),
  }
}

function createLineDisplay(stream: NodeJS.WriteStream): ProgressDisplay {
  const lastPrinted = new Map<string, number>()
  return {
    listener: (progress) => {
      const now = Date.now()
      const finished = progress.total !== undefined && progress.done >= progress.total
      if (!finished && now - (lastPrinted.get(progress.step) ?? 0) < 2000) return
      lastPrinted.set(progress.step, now)
      const total = progress.total === undefined ? '' : `/${formatCount(progress.total)}`
      stream.write(`  ${progress.step}: ${formatCount(progress.done)}${total}\n`)
    },
    stop: () => {},
  }
}

function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US')
}
