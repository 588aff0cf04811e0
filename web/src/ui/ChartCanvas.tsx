// A chart.js chart in a box of fixed height (so the page never jumps while it draws). The canvas is an
// image to assistive technology, labelled by `label`; pages give the figures as text beside it too.
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  type ChartType,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js'
import { createEffect, on, onCleanup, onMount } from 'solid-js'
import { COLORS } from '../lib/labels.ts'

Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
)
Chart.defaults.font.family =
  getComputedStyle(document.documentElement).getPropertyValue('--font') || 'system-ui'
Chart.defaults.font.size = 12
Chart.defaults.color = COLORS.text
Chart.defaults.borderColor = COLORS.grid
Chart.defaults.maintainAspectRatio = false
if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) Chart.defaults.animation = false

export function ChartCanvas<T extends ChartType>(props: {
  config: () => ChartConfiguration<T>
  label: string
  height: number
}) {
  let canvas!: HTMLCanvasElement
  let chart: Chart<T> | undefined
  onMount(() => {
    chart = new Chart(canvas, props.config())
  })
  createEffect(
    on(
      () => props.config(),
      (config) => {
        if (!chart) return
        chart.data = config.data
        if (config.options) chart.options = config.options
        chart.update()
      },
      { defer: true },
    ),
  )
  onCleanup(() => chart?.destroy())
  return (
    <div class="chart" style={{ height: `${props.height}px` }}>
      <canvas ref={canvas} role="img" aria-label={props.label} />
    </div>
  )
}
