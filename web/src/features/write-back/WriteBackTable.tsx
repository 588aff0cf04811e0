// The write-backs of the chosen status, newest first: what each writes where and why, its mode and
// status. Writes waiting for approval can be selected and approved in a batch; a row opens to show
// the request. Pages of 100 load on demand; the list is read again every few seconds while approved
// writes wait for their job.
import { A, createAsync, revalidate, useAction } from '@solidjs/router'
import { createEffect, createSignal, For, on, onCleanup, Show, startTransition } from 'solid-js'
import { formatDateTime, formatNumber, formatRelative, MISSING } from '../../lib/format.ts'
import { WRITE_BACK_REASON_LABELS, WRITE_BACK_STATUS_LABELS } from '../../lib/labels.ts'
import { WriteBackModeBadge, WriteBackStatusBadge } from '../../ui/Badges.tsx'
import { EmptyState } from '../../ui/States.tsx'
import { ApproveBar } from './ApproveBar.tsx'
import { WriteBackDetail } from './WriteBackDetail.tsx'
import {
  type ApproveResult,
  approveWriteBacks,
  getWriteBackCounts,
  listWriteBacks,
  type WriteBack,
} from './write-back.ts'
import type { WriteBackFilters } from './write-back-filters.ts'

const COLUMNS = 10
const APPROVED_POLL_MS = 5_000

export function WriteBackTable(props: { filters: WriteBackFilters; onShowAll: () => void }) {
  const [pages, setPages] = createSignal(1)
  const [selected, setSelected] = createSignal<ReadonlySet<string>>(new Set())
  const [expanded, setExpanded] = createSignal<ReadonlySet<string>>(new Set())
  const [result, setResult] = createSignal<ApproveResult | null>(null)
  const list = createAsync(async () => {
    const filters = props.filters
    const items: WriteBack[] = []
    let cursor: string | undefined
    for (let page = 0; page < pages(); page++) {
      const loaded = await listWriteBacks(filters, cursor)
      items.push(...loaded.items)
      cursor = loaded.next_cursor ?? undefined
      if (!cursor) break
    }
    return { items, more: Boolean(cursor) }
  })
  createEffect(
    on(
      () => props.filters,
      () => {
        setPages(1)
        setResult(null)
      },
      { defer: true },
    ),
  )
  const items = () => list()?.items ?? []
  const pending = () => items().filter((write) => write.status === 'pending_approval')
  // Only what is shown and still waits for approval counts as selected.
  const chosen = () => pending().filter((write) => selected().has(write.write_id))
  const allChosen = () => pending().length > 0 && chosen().length === pending().length

  // Approved writes run with the job the approval queued: each time the list loads with some, it is read
  // again a little later, until they are done.
  let timer: ReturnType<typeof setTimeout> | undefined
  createEffect(
    on(
      () => items().some((write) => write.status === 'approved'),
      (waiting) => {
        clearTimeout(timer)
        if (waiting)
          timer = setTimeout(
            () => void revalidate([listWriteBacks.key, getWriteBackCounts.key]),
            APPROVED_POLL_MS,
          )
      },
    ),
  )
  onCleanup(() => clearTimeout(timer))

  const toggle = (set: ReadonlySet<string>, id: string) => {
    const next = new Set(set)
    if (!next.delete(id)) next.add(id)
    return next
  }
  const approve = useAction(approveWriteBacks)
  const runApproval = async () => {
    const writeIds = chosen().map((write) => write.write_id)
    if (writeIds.length === 0) return
    setResult(null)
    try {
      const done = await approve(writeIds)
      setResult(done)
      setSelected(new Set<string>())
    } catch {
      // The submission's error shows in the bar; the selection stays for another try.
    }
  }

  return (
    <>
      <Show when={pending().length > 0 || result()}>
        <ApproveBar
          selected={chosen().length}
          pending={pending().length}
          result={result()}
          onApprove={() => void runApproval()}
        />
      </Show>
      <div class="table-wrap">
        <table class="write-backs" aria-label="Write-backs" aria-rowcount={list()?.more ? -1 : undefined}>
          <thead>
            <tr>
              <th scope="col" class="select-cell">
                <input
                  type="checkbox"
                  class="row-check"
                  aria-label="Select every write-back waiting for approval"
                  checked={allChosen()}
                  ref={(element) =>
                    // `indeterminate` is a property only (no attribute): some, not all, are selected.
                    createEffect(() => {
                      element.indeterminate = chosen().length > 0 && !allChosen()
                    })
                  }
                  disabled={pending().length === 0}
                  onChange={() =>
                    setSelected(
                      allChosen() ? new Set<string>() : new Set(pending().map((write) => write.write_id)),
                    )
                  }
                />
              </th>
              <th scope="col">
                <span class="visually-hidden">Details</span>
              </th>
              <th scope="col">ACE opportunity</th>
              <th scope="col">Odoo id</th>
              <th scope="col">Reason</th>
              <th scope="col">Mode</th>
              <th scope="col">Status</th>
              <th scope="col">Message</th>
              <th scope="col">Approved by</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            <For each={items()}>
              {(write) => {
                const open = () => expanded().has(write.write_id)
                const detailId = `write-${write.write_id}-detail`
                return (
                  <>
                    <tr
                      class={selected().has(write.write_id) ? 'clickable selected' : 'clickable'}
                      data-testid="write-row"
                      data-write-id={write.write_id}
                      data-status={write.status}
                      onClick={(event) => {
                        if ((event.target as HTMLElement).closest('a, button, input')) return
                        setExpanded((set) => toggle(set, write.write_id))
                      }}
                    >
                      <td class="select-cell">
                        <Show when={write.status === 'pending_approval'}>
                          <input
                            type="checkbox"
                            class="row-check"
                            aria-label={`Select write-back #${write.write_id} of ACE ${write.ace_id}`}
                            checked={selected().has(write.write_id)}
                            onChange={() => setSelected((set) => toggle(set, write.write_id))}
                          />
                        </Show>
                      </td>
                      <td class="expand-cell">
                        <button
                          type="button"
                          class="expand-button"
                          aria-expanded={open()}
                          aria-controls={open() ? detailId : undefined}
                          aria-label={`Request of write-back #${write.write_id}`}
                          onClick={() => setExpanded((set) => toggle(set, write.write_id))}
                        >
                          <span aria-hidden="true">▸</span>
                        </button>
                      </td>
                      <td>
                        <A href={`/pod/ace/${encodeURIComponent(write.ace_id)}`} class="mono" data-col="ace">
                          {write.ace_id}
                        </A>
                        <div class="muted write-id">Write #{write.write_id}</div>
                      </td>
                      <td class="mono" data-col="lead">
                        #{write.lead_id}
                      </td>
                      <td>{WRITE_BACK_REASON_LABELS[write.reason]}</td>
                      <td data-col="mode">
                        <WriteBackModeBadge mode={write.mode} />
                      </td>
                      <td data-col="status">
                        <WriteBackStatusBadge status={write.status} />
                        <Show when={write.attempts > 1}>
                          <div class="muted write-id">{formatNumber(write.attempts)} attempts</div>
                        </Show>
                      </td>
                      <td>
                        <div class="truncate write-message" title={write.message ?? undefined}>
                          {write.message ?? <span class="muted">{MISSING}</span>}
                        </div>
                      </td>
                      <td data-col="approved-by">
                        <Show when={write.approved_by} fallback={<span class="muted">{MISSING}</span>}>
                          <div class="truncate" style={{ 'max-width': '140px' }}>
                            {write.approved_by}
                          </div>
                          <div class="muted write-id" title={formatDateTime(write.approved_at)}>
                            {formatRelative(write.approved_at)}
                          </div>
                        </Show>
                      </td>
                      <td class="nowrap" title={formatDateTime(write.updated_at)}>
                        {formatRelative(write.updated_at)}
                      </td>
                    </tr>
                    <Show when={open()}>
                      <tr class="detail-row">
                        <td colSpan={COLUMNS}>
                          <WriteBackDetail write={write} id={detailId} />
                        </td>
                      </tr>
                    </Show>
                  </>
                )
              }}
            </For>
          </tbody>
        </table>
        <Show when={list() && items().length === 0}>
          <Empty filters={props.filters} onShowAll={props.onShowAll} />
        </Show>
      </div>
      <div class="table-footer">
        <span data-testid="write-count">
          {list()?.more
            ? `Showing the newest ${formatNumber(items().length)} write-backs`
            : `${formatNumber(items().length)} ${items().length === 1 ? 'write-back' : 'write-backs'}`}
        </span>
        <Show when={list()?.more} fallback={<span />}>
          <button type="button" class="button" onClick={() => startTransition(() => setPages((n) => n + 1))}>
            Load more
          </button>
        </Show>
      </div>
    </>
  )
}

/** Nothing at all: write-back is off for the tenant (or nothing was planned yet); else nothing in this view. */
function Empty(props: { filters: WriteBackFilters; onShowAll: () => void }) {
  const narrowed = () => Boolean(props.filters.status || props.filters.ace_id)
  return (
    <Show
      when={narrowed()}
      fallback={
        <EmptyState title="No write-backs yet">
          Write-back is opt-in per tenant: <code>write_back: enabled: true</code> in its{' '}
          <code>tenant.yaml</code>. It then writes each confirmed link to Partner Central as the opportunity's{' '}
          <code>PartnerOpportunityIdentifier</code>, as a dry run by default (the exact request is recorded
          here, nothing is sent) until <code>mode: live</code>, and after approval on this page.
        </EmptyState>
      }
    >
      <EmptyState
        title={
          props.filters.status
            ? `No write-back has the status “${WRITE_BACK_STATUS_LABELS[props.filters.status]}”`
            : 'No write-back for this opportunity'
        }
        actions={
          <button type="button" class="button" onClick={() => props.onShowAll()}>
            Show every write-back
          </button>
        }
      >
        {props.filters.ace_id ? `ACE ${props.filters.ace_id} has none in this view.` : undefined}
      </EmptyState>
    </Show>
  )
}
