// "Make report now": a month (the month of yesterday unless changed) and a button that queues
// the report job, then says where the job is until the report is kept and the list shows it.
import { revalidate, useAction } from '@solidjs/router'
import { createSignal, onCleanup, Show } from 'solid-js'
import { api, unwrap } from '../../lib/api-client.ts'
import { defaultReportPeriod, periodLabel } from './report-labels.ts'
import { type Job, listReports, makeReport } from './reports.ts'

const POLL_MS = 1_500

type State =
  | { phase: 'idle' }
  | { phase: 'asking' }
  | { phase: 'waiting'; job: Job }
  | { phase: 'done'; job: Job }
  | { phase: 'failed'; message: string }

export function MakeReport() {
  const [period, setPeriod] = createSignal(defaultReportPeriod())
  const [state, setState] = createSignal<State>({ phase: 'idle' })
  const make = useAction(makeReport)
  let timer: ReturnType<typeof setTimeout> | undefined
  onCleanup(() => clearTimeout(timer))

  const follow = (job: Job) => {
    setState({ phase: 'waiting', job })
    timer = setTimeout(async () => {
      try {
        const current = await unwrap(api.GET('/api/v1/jobs/{id}', { params: { path: { id: job.id } } }))
        if (current.status === 'succeeded') {
          setState({ phase: 'done', job: current })
          void revalidate(listReports.key)
        } else if (current.status === 'failed')
          setState({ phase: 'failed', message: current.last_error ?? 'the report job failed' })
        else follow(current)
      } catch (error) {
        setState({ phase: 'failed', message: (error as Error).message })
      }
    }, POLL_MS)
  }

  const run = async () => {
    clearTimeout(timer)
    setState({ phase: 'asking' })
    try {
      follow(await make(period() || undefined))
    } catch (error) {
      setState({ phase: 'failed', message: (error as Error).message })
    }
  }

  const asked = (job: Job) => {
    const value = job.payload.period
    return typeof value === 'string' ? periodLabel(value) : 'the month'
  }
  const busy = () => state().phase === 'asking' || state().phase === 'waiting'
  return (
    <div class="make-report">
      <span class="make-report-status" role="status" data-testid="make-report-status">
        <Show when={state().phase === 'waiting' && (state() as { job: Job }).job}>
          {(job) => (
            <span class="badge info">
              Report for {asked(job())} {job().status}…
            </span>
          )}
        </Show>
        <Show when={state().phase === 'done' && (state() as { job: Job }).job}>
          {(job) => <span class="badge approve">Report for {asked(job())} is ready</span>}
        </Show>
        <Show when={state().phase === 'failed' && (state() as { message: string }).message}>
          {(message) => <span class="export-status error">Not made: {message()}</span>}
        </Show>
      </span>
      <label class="make-report-month">
        <span class="muted">Month</span>
        <input
          type="month"
          value={period()}
          required
          onInput={(event) => setPeriod(event.currentTarget.value)}
          aria-label="Month to report"
          title="On the 1st, the month that just ended; later in a month, that month so far"
        />
      </label>
      <button type="button" class="button primary" onClick={() => void run()} disabled={busy()}>
        {busy() ? 'Making the report…' : 'Make report now'}
      </button>
    </div>
  )
}
