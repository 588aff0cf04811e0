// What runs right now (the first pipeline run after `npm start`, a sync), in the page header where
// space is kept for it: the page below never moves when work starts or ends. The job list polls; this
// reads the same data.
import { createAsync } from '@solidjs/router'
import { Show } from 'solid-js'
import { formatPercent, humanize } from '../../lib/format.ts'
import { ProgressBar } from '../../ui/ProgressBar.tsx'
import { getJobs } from './dashboard.ts'

export function ActiveJobs() {
  const jobs = createAsync(() => getJobs())
  const active = () => (jobs() ?? []).filter((job) => job.status === 'running' || job.status === 'queued')
  const first = () => active()[0]
  const ratio = () => {
    const job = first()
    return job?.progress.total ? Math.min(1, job.progress.done / job.progress.total) : null
  }
  return (
    <Show when={first()}>
      {(job) => (
        <a
          href="#jobs"
          class="active-jobs"
          data-testid="active-jobs"
          title={job().progress.message ?? undefined}
          aria-label={`${humanize(job().kind)} ${job().status}${ratio() === null ? '' : `, ${formatPercent(ratio(), 0)}`}`}
        >
          <span class="badge info">
            {humanize(job().kind)} {job().status}
            {active().length > 1 ? ` (+${active().length - 1})` : ''}
          </span>
          <span style={{ width: '140px', display: 'inline-flex' }}>
            <ProgressBar ratio={ratio()} label={`${humanize(job().kind)} progress`} />
          </span>
          <span class="muted">{ratio() === null ? '' : formatPercent(ratio(), 0)}</span>
        </a>
      )}
    </Show>
  )
}
