// The match explanation as a waterfall: the prior, then what each comparison added or took away (in
// bits of log-odds; +1 bit doubles the odds), less what the other candidates took, ends at the match's
// log-odds. The same numbers are available as a table.
import type { ChartConfiguration } from 'chart.js'
import { For, Show } from 'solid-js'
import { formatBits, formatPercent } from '../../lib/format.ts'
import { COLORS } from '../../lib/labels.ts'
import { ChartCanvas } from '../../ui/ChartCanvas.tsx'
import { JointNotice } from './JointNotice.tsx'
import { type Explanation, type Step, waterfallSteps } from './waterfall.ts'

function colorOf(step: Step): string {
  if (step.kind === 'prior') return COLORS.neutral
  if (step.kind === 'total') return COLORS.accent
  if (step.kind === 'rivals') return COLORS.reject
  return step.delta >= 0 ? COLORS.approve : COLORS.reject
}

export function MatchWaterfall(props: { explanation: Explanation; probability: number }) {
  const waterfall = () => waterfallSteps(props.explanation)
  const steps = () => waterfall().steps
  const config = (): ChartConfiguration<'bar', [number, number][]> => ({
    type: 'bar',
    data: {
      labels: steps().map((step) => (step.label.length > 48 ? `${step.label.slice(0, 47)}…` : step.label)),
      datasets: [
        {
          label: 'bits',
          data: steps().map((step) => [Math.min(step.start, step.end), Math.max(step.start, step.end)]),
          backgroundColor: steps().map(colorOf),
          borderSkipped: false,
          barPercentage: 0.8,
          categoryPercentage: 0.9,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: (items) => steps()[items[0]?.dataIndex ?? 0]?.label ?? '',
            label: (item) => {
              const step = steps()[item.dataIndex]
              if (!step) return ''
              return step.kind === 'total'
                ? `${formatBits(step.delta)} bits → ${formatPercent(props.probability, 1)}`
                : `${formatBits(step.delta)} bits`
            },
          },
        },
      },
      scales: {
        x: { title: { display: true, text: 'log-odds (bits)' }, grid: { color: COLORS.grid } },
        y: { grid: { display: false }, ticks: { autoSkip: false } },
      },
    },
  })
  return (
    <div data-testid="waterfall">
      <ChartCanvas
        config={config}
        height={Math.max(160, steps().length * 26 + 48)}
        label={`Match explanation: ${steps()
          .map((step) => `${step.label} ${formatBits(step.delta)} bits`)
          .join('; ')}; probability ${formatPercent(props.probability, 1)}`}
      />
      <Show when={props.explanation.joint}>{(joint) => <JointNotice joint={joint()} />}</Show>
      <Show when={props.explanation.contested}>
        {(contested) => (
          <p data-testid="contested" class="notice warning" role="status" style={{ margin: '8px 0 0' }}>
            Held for review: ACE opportunity {contested().left_id} links the same Odoo opportunity with a
            higher probability ({formatPercent(contested().probability, 1)}). Either one deal was registered
            twice, or one of the two links is wrong.
          </p>
        )}
      </Show>
      <p class="muted" style={{ 'font-size': '12px', margin: '8px 0 0' }}>
        Each comparison adds (green) or takes away (red) evidence in bits of log-odds; +1 bit doubles the
        odds.
        {waterfall().silent > 0 ? ` ${waterfall().silent} comparisons had no evidence either way.` : ''}
      </p>
      <details style={{ 'margin-top': '8px' }}>
        <summary>Show the numbers</summary>
        <table style={{ 'margin-top': '8px' }}>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col" class="num">
                Bits
              </th>
              <th scope="col" class="num">
                Running total
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={steps()}>
              {(step) => (
                <tr>
                  <td>{step.label}</td>
                  <td class="num">{formatBits(step.delta)}</td>
                  <td class="num">{formatBits(step.end)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </details>
    </div>
  )
}
