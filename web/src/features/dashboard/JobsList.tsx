// Running and recent jobs with live progress: polled every 2 s while something runs, every 15 s
// otherwise. When a job finishes, `onFinished` lets the page refresh the figures it changed.
import { createAsync, revalidate } from '@solidjs/router'
import { createEffect, For, on, onCleanup, Show } from 'solid-js'
import type { Schemas } from '../../lib/api-client.ts'
import { formatDuration, formatNumber, formatRelative, humanize } from '../../lib/format.ts'
import { ProgressBar } from '../../ui/ProgressBar.tsx'
import { EmptyState } from '../../ui/States.tsx'
import { getJobs } from './dashboard.ts'

type Job = Schemas['Job']

const STATUS_TONE: Record<Job['status'], string> = {
  queued: '',
  running: 'info',
  succeeded: 'approve',
  failed: 'reject',
}

const ACTIVE_POLL_MS = 2_000
const IDLE_POLL_MS = 15_000

export function JobsList(props: { onFinished?: () => void }) {
  const jobs = createAsync(() => getJobs())
  const active = () => (jobs() ?? []).filter((job) => job.status === 'queued' || job.status === 'running')

  let timer: ReturnType<typeof setTimeout> | undefined
  const schedule = () => {
    clearTimeout(timer)
    timer = setTimeout(
      () => {
        void revalidate(getJobs.key)
        schedule()
      },
      active().length > 0 ? ACTIVE_POLL_MS : IDLE_POLL_MS,
    )
  }
  createEffect(on(() => active().length, schedule))
  onCleanup(() => clearTimeout(timer))

  // A job that was active and is no longer: its results are in, refresh what depends on them.
  createEffect(
    on(
      () => active().map((job) => job.id),
      (now, before) => {
        if (before?.some((id) => !now.includes(id))) props.onFinished?.()
      },
    ),
  )

  return (
    <Show
      when={(jobs() ?? []).length > 0}
      fallback={
        <EmptyState title="No jobs yet">
          Syncs, matching and pipeline runs show their progress here.
        </EmptyState>
      }
    >
      <ul style={{ margin: 0, padding: 0, 'list-style': 'none' }} aria-live="polite">
        <For each={jobs()}>{(job) => <JobRow job={job} />}</For>
      </ul>
    </Show>
  )
}

function JobRow(props: { job: Job }) {
  const progress = () => props.job.progress
  const ratio = () => {
    const total = progress().total
    return total && total > 0 ? Math.min(1, progress().done / total) : null
  }
  const took = () =>
    props.job.started_at && props.job.finished_at
      ? new Date(props.job.finished_at).getTime() - new Date(props.job.started_at).getTime()
      : null
  return (
    <li class="job" data-testid="job" data-status={props.job.status}>
      <div>
        <div style={{ 'font-weight': 600 }}>{humanize(props.job.kind)}</div>
        <span class={`badge ${STATUS_TONE[props.job.status]}`}>{humanize(props.job.status)}</span>
      </div>
      <div style={{ 'min-width': 0 }}>
        <Show
          when={props.job.status === 'running'}
          fallback={
            <div class="muted" style={{ 'font-size': '13px' }}>
              {props.job.status === 'failed'
                ? (props.job.last_error ?? 'failed')
                : props.job.status === 'queued'
                  ? 'Waiting for a worker'
                  : (progress().message ?? 'Done')}
            </div>
          }
        >
          <ProgressBar ratio={ratio()} label={`${humanize(props.job.kind)} progress`} />
          <div
            class="muted"
            style={{
              'font-size': '12px',
              'white-space': 'nowrap',
              overflow: 'hidden',
              'text-overflow': 'ellipsis',
            }}
          >
            {progress().message ?? 'Working'}
            {progress().total
              ? ` · ${formatNumber(progress().done)} of ${formatNumber(progress().total)}`
              : ''}
          </div>
        </Show>
      </div>
      <div class="muted num" style={{ 'font-size': '12px' }}>
        <div>{formatRelative(props.job.created_at)}</div>
        <Show when={took() !== null}>
          <div>took {formatDuration(took())}</div>
        </Show>
      </div>
    </li>
  )
}
