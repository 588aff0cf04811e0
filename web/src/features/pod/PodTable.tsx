// The review queue: one row per ACE opportunity with its current decision, the rules that failed or
// asked for review, and its best Odoo match. Pages of 100 load on demand; j/k move, Enter opens.
import { A, createAsync, useNavigate } from '@solidjs/router'
import { createSignal, For, type JSX, Show, startTransition } from 'solid-js'
import type { Schemas } from '../../lib/api-client.ts'
import { formatDate, formatMoney, formatNumber, humanize, MISSING } from '../../lib/format.ts'
import { useShortcuts } from '../../lib/shortcuts.ts'
import { OutcomeBadge, Probability, ReviewBadge } from '../../ui/Badges.tsx'
import { EmptyState } from '../../ui/States.tsx'
import { listDecisions } from './pod.ts'
import type { PodFilters, PodSort } from './pod-filters.ts'
import { podSearch } from './pod-filters.ts'

type Decision = Schemas['DecisionSummary']

/** Sorts whose natural first direction is descending (biggest first). */
const DESCENDING_FIRST = new Set<PodSort>(['probability', 'expected_monthly_spend', 'evaluated_at'])

export function PodTable(props: {
  filters: PodFilters
  onSort: (sort: PodSort, order: 'asc' | 'desc') => void
  onClearFilters: () => void
}) {
  const navigate = useNavigate()
  const [pages, setPages] = createSignal(1)
  const [selected, setSelected] = createSignal(0)
  const queue = createAsync(async () => {
    const filters = props.filters
    const items: Decision[] = []
    let cursor: string | undefined
    for (let page = 0; page < pages(); page++) {
      const result = await listDecisions(filters, cursor)
      items.push(...result.items)
      cursor = result.next_cursor ?? undefined
      if (!cursor) break
    }
    return { items, more: Boolean(cursor) }
  })
  const items = () => queue()?.items ?? []
  const href = (item: Decision) => `/pod/${item.decision_id}${podSearch(props.filters)}`
  const open = (index: number) => {
    const item = items()[index]
    if (item) navigate(href(item))
  }
  const move = (by: number) => {
    const next = Math.max(0, Math.min(items().length - 1, selected() + by))
    setSelected(next)
    document.querySelector(`[data-row="${next}"]`)?.scrollIntoView({ block: 'nearest' })
  }
  useShortcuts(() => [
    { key: 'j', run: () => move(1) },
    { key: 'ArrowDown', run: () => move(1) },
    { key: 'k', run: () => move(-1) },
    { key: 'ArrowUp', run: () => move(-1) },
    { key: 'Enter', run: () => open(selected()) },
    { key: 'o', run: () => open(selected()) },
  ])

  const sortBy = (sort: PodSort) => {
    const current = props.filters.sort ?? 'ace_id'
    const order = props.filters.order ?? 'asc'
    if (current === sort) props.onSort(sort, order === 'asc' ? 'desc' : 'asc')
    else props.onSort(sort, DESCENDING_FIRST.has(sort) ? 'desc' : 'asc')
  }

  return (
    <>
      <div class="table-wrap" style={{ 'min-height': '420px' }}>
        <table aria-label="Review queue" aria-rowcount={queue()?.more ? -1 : items().length}>
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort(props.filters, ['customer_name', 'ace_id'])}>
                <span style={{ display: 'inline-flex', gap: '10px' }}>
                  <SortButton label="Customer" sort="customer_name" filters={props.filters} onSort={sortBy} />
                  <SortButton label="ACE id" sort="ace_id" filters={props.filters} onSort={sortBy} />
                </span>
              </th>
              <th scope="col">Stage</th>
              <SortHeader
                label="Close date"
                sort="target_close_date"
                filters={props.filters}
                onSort={sortBy}
              />
              <SortHeader
                label="Spend / month"
                sort="expected_monthly_spend"
                filters={props.filters}
                onSort={sortBy}
                numeric
              />
              <th scope="col">Decision</th>
              <th scope="col">Failed / review rules</th>
              <SortHeader
                label="Best Odoo match"
                sort="probability"
                filters={props.filters}
                onSort={sortBy}
              />
            </tr>
          </thead>
          <tbody>
            <For each={items()}>
              {(item, index) => (
                <tr
                  class={index() === selected() ? 'clickable selected' : 'clickable'}
                  data-row={index()}
                  data-testid="pod-row"
                  onClick={(event) => {
                    if ((event.target as HTMLElement).closest('a')) return
                    setSelected(index())
                    open(index())
                  }}
                >
                  <td>
                    <div
                      class="truncate"
                      style={{ 'font-weight': 600 }}
                      title={item.customer_name ?? undefined}
                      data-col="customer"
                    >
                      {item.customer_name ?? MISSING}
                    </div>
                    <A href={href(item)} class="mono" style={{ 'font-size': '11.5px' }}>
                      {item.ace_id}
                    </A>
                  </td>
                  <td>{item.stage ?? MISSING}</td>
                  <td style={{ 'white-space': 'nowrap' }}>{formatDate(item.target_close_date)}</td>
                  <td class="num" data-col="spend">
                    {formatMoney(item.expected_monthly_spend, 'USD')}
                  </td>
                  <td data-col="decision">
                    <span class="chips">
                      <OutcomeBadge outcome={item.outcome} />
                      <ReviewBadge action={item.review?.action} reviewer={item.review?.reviewer} />
                    </span>
                  </td>
                  <td>
                    <RuleChips failed={item.failed_rules} review={item.review_rules} />
                  </td>
                  <td>
                    <Show when={item.best_match} fallback={<span class="muted">No candidate</span>}>
                      {(match) => (
                        <span style={{ display: 'flex', 'align-items': 'center', gap: '10px' }}>
                          <Probability value={match().probability} band={match().band} />
                          <span class="truncate" style={{ 'max-width': '150px' }}>
                            {match().odoo_customer_name ?? match().odoo_title ?? `#${match().odoo_lead_id}`}
                          </span>
                        </span>
                      )}
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <Show when={queue() && items().length === 0}>
          <EmptyState
            title="No opportunities match these filters"
            actions={
              <button type="button" class="button" onClick={() => props.onClearFilters()}>
                Clear the filters
              </button>
            }
          >
            Widen the close-date range, pick another rule or clear the search.
          </EmptyState>
        </Show>
      </div>
      <div class="table-footer">
        <span data-testid="pod-count">
          {queue()?.more
            ? `Showing the first ${formatNumber(items().length)} opportunities`
            : `${formatNumber(items().length)} ${items().length === 1 ? 'opportunity' : 'opportunities'}`}
        </span>
        <span class="shortcuts">
          <span class="visually-hidden">Keyboard shortcuts:</span>
          <span>
            <kbd>j</kbd> <kbd>k</kbd> move
          </span>
          <span>
            <kbd>Enter</kbd> open
          </span>
          <span>
            <kbd>/</kbd> search
          </span>
        </span>
        <Show when={queue()?.more} fallback={<span />}>
          <button type="button" class="button" onClick={() => startTransition(() => setPages((n) => n + 1))}>
            Load more
          </button>
        </Show>
      </div>
    </>
  )
}

function ariaSort(filters: PodFilters, sorts: PodSort[]): 'ascending' | 'descending' | 'none' {
  if (!sorts.includes(filters.sort ?? 'ace_id')) return 'none'
  return (filters.order ?? 'asc') === 'asc' ? 'ascending' : 'descending'
}

function SortButton(props: {
  label: string
  sort: PodSort
  filters: PodFilters
  onSort: (sort: PodSort) => void
}) {
  const active = () => (props.filters.sort ?? 'ace_id') === props.sort
  const order = () => props.filters.order ?? 'asc'
  return (
    <button
      type="button"
      class="sort-button"
      onClick={() => props.onSort(props.sort)}
      aria-label={`Sort by ${props.label}${active() ? (order() === 'asc' ? ', ascending' : ', descending') : ''}`}
    >
      {props.label}
      <span class="sort-indicator" aria-hidden="true">
        {active() ? (order() === 'asc' ? '▲' : '▼') : ''}
      </span>
    </button>
  )
}

function SortHeader(props: {
  label: string
  sort: PodSort
  filters: PodFilters
  onSort: (sort: PodSort) => void
  numeric?: boolean
}): JSX.Element {
  return (
    <th
      scope="col"
      class={props.numeric ? 'num' : undefined}
      aria-sort={ariaSort(props.filters, [props.sort])}
    >
      <SortButton label={props.label} sort={props.sort} filters={props.filters} onSort={props.onSort} />
    </th>
  )
}

/** The rules behind a decision that is not a plain approval: failed in red, review in amber. */
export function RuleChips(props: { failed: string[]; review: string[]; max?: number }) {
  const all = () => [
    ...props.failed.map((rule) => ({ rule, tone: 'fail' })),
    ...props.review.map((rule) => ({ rule, tone: 'review' })),
  ]
  const max = () => props.max ?? 2
  return (
    <Show when={all().length > 0} fallback={<span class="muted">{MISSING}</span>}>
      <span class="chips">
        <For each={all().slice(0, max())}>
          {(entry) => (
            <span class={`chip ${entry.tone}`} title={entry.tone === 'fail' ? 'failed' : 'needs review'}>
              {humanize(entry.rule)}
            </span>
          )}
        </For>
        <Show when={all().length > max()}>
          <span
            class="chip"
            title={all()
              .slice(max())
              .map((entry) => humanize(entry.rule))
              .join(', ')}
          >
            +{all().length - max()}
          </span>
        </Show>
      </span>
    </Show>
  )
}
