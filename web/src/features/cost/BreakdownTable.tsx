// The view taken apart by customer, payer, account, service or product: cost, invoice, margin and
// restatements per group, the rest summed as "Other" and the total, so the rows add up to the total.
// A row that can be opened links one level deeper (its accounts, services, or its series).
import { useNavigate } from '@solidjs/router'
import { For, type JSX, Show } from 'solid-js'
import { formatNumber } from '../../lib/format.ts'
import { EmptyState } from '../../ui/States.tsx'
import type { BillingBreakdown, BillingFigures, BreakdownGroup } from './cost.ts'
import { GROUP_LABELS, GROUP_PLURALS, GROUP_TITLES, SORT_LABELS } from './cost-labels.ts'
import {
  BREAKDOWN_LIMITS,
  type BreakdownSort,
  type CostState,
  canDrill,
  type DrillStep,
  groupsAt,
  type SortOrder,
} from './cost-state.ts'
import { Margin, MarginPct, Money, RestatedBadge } from './Figures.tsx'

/** What opening a row of each group shows next. */
const NEXT: Record<string, string> = {
  customer: 'its accounts',
  payer: 'the accounts it pays for',
  account: 'its AWS services',
  service: 'its series over time',
  product: 'its series over time',
}

export function BreakdownTable(props: {
  breakdown: BillingBreakdown
  state: CostState
  /** The link that opens a row. */
  href: (step: DrillStep) => string
  onSort: (sort: BreakdownSort, order: SortOrder) => void
  onLimit: (limit: number) => void
  onClearSelection: () => void
}) {
  const navigate = useNavigate()
  const group = () => props.breakdown.group_by
  const currency = () => props.breakdown.context.currency
  const attribution = () => props.breakdown.context.attribution
  const stepOf = (row: BreakdownGroup): DrillStep | null =>
    canDrill(props.state, group(), row.key) ? { group: group(), key: row.key!, label: row.label } : null
  const sortable = (sort: BreakdownSort) => {
    const cost = attribution().cost !== 'unavailable'
    const invoice = attribution().invoice !== 'unavailable'
    if (sort === 'cost') return cost
    if (sort === 'invoice') return invoice
    return sort === 'name' || (cost && invoice)
  }
  const sortBy = (sort: BreakdownSort) => {
    const current = props.breakdown.sort as BreakdownSort
    if (current === sort) props.onSort(sort, props.breakdown.order === 'asc' ? 'desc' : 'asc')
    else props.onSort(sort, sort === 'name' ? 'asc' : 'desc')
  }
  const header = (sort: BreakdownSort, numeric: boolean): JSX.Element => (
    <SortHeader
      sort={sort}
      label={sort === 'name' ? GROUP_LABELS[group()] : SORT_LABELS[sort]}
      active={props.breakdown.sort === sort}
      order={props.breakdown.order}
      enabled={sortable(sort)}
      numeric={numeric}
      onSort={sortBy}
    />
  )

  return (
    <>
      <div class="table-wrap">
        <table
          class="cost-table"
          aria-label={`AWS cost and invoices by ${GROUP_TITLES[group()]}`}
          data-testid="breakdown"
        >
          <thead>
            <tr>
              <th scope="col" class="num rank">
                #
              </th>
              {header('name', false)}
              {header('cost', true)}
              {header('invoice', true)}
              {header('margin', true)}
              {header('margin_pct', true)}
              <th scope="col">Restated</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.breakdown.groups}>
              {(row) => {
                const step = stepOf(row)
                return (
                  <tr
                    class={step ? 'clickable' : undefined}
                    classList={{ 'negative-row': row.negative }}
                    data-testid="breakdown-row"
                    data-key={row.key ?? ''}
                    onClick={(event) => {
                      if (!step || (event.target as HTMLElement).closest('a')) return
                      navigate(props.href(step))
                    }}
                  >
                    <td class="num rank muted">{row.rank}</td>
                    <td data-col="label">
                      <Show when={step} fallback={<span class="group-label">{row.label}</span>}>
                        {(open) => (
                          // A plain link: <A> would mark it current, as it shares the page's path.
                          <a href={props.href(open())} class="group-label">
                            {row.label}
                            <span class="visually-hidden">: open {NEXT[group()]}</span>
                          </a>
                        )}
                      </Show>
                      <GroupDetail row={row} group={group()} />
                    </td>
                    <FigureCells figures={row} currency={currency()} />
                  </tr>
                )
              }}
            </For>
          </tbody>
          <Show when={props.breakdown.groups.length > 0}>
            <tfoot>
              <Show when={props.breakdown.other}>
                {(other) => (
                  <tr data-testid="breakdown-other" classList={{ 'negative-row': other().negative }}>
                    <td />
                    <td data-col="label">
                      Other ({formatNumber(other().groups)} {GROUP_PLURALS[group()]})
                    </td>
                    <FigureCells figures={other()} currency={currency()} />
                  </tr>
                )}
              </Show>
              <tr
                data-testid="breakdown-total"
                class="total"
                classList={{ 'negative-row': props.breakdown.total.negative }}
              >
                <td />
                <td data-col="label">Total</td>
                <FigureCells figures={props.breakdown.total} currency={currency()} />
              </tr>
            </tfoot>
          </Show>
        </table>
        <Show when={props.breakdown.groups.length === 0}>
          <EmptyState
            title={`No ${GROUP_PLURALS[group()]} with figures in this period`}
            actions={
              <Show
                when={
                  props.state.accounts.length + props.state.payers.length + props.state.customers.length > 0
                }
              >
                <button type="button" class="button" onClick={() => props.onClearSelection()}>
                  Show every account
                </button>
              </Show>
            }
          >
            Nothing was charged or invoiced for this selection in this period. Choose a wider period or other
            accounts.
          </EmptyState>
        </Show>
      </div>
      <div class="table-footer">
        <span data-testid="breakdown-count">
          {formatNumber(props.breakdown.total.groups)}{' '}
          {props.breakdown.total.groups === 1 ? GROUP_TITLES[group()] : GROUP_PLURALS[group()]}
          <Show when={props.breakdown.other}>
            {' '}
            · the first {formatNumber(props.breakdown.groups.length)} shown, the rest summed as Other
          </Show>
        </span>
        <Show when={groupsAt(props.state).length > 0 && props.breakdown.total.groups > BREAKDOWN_LIMITS[0]}>
          <label class="inline-field">
            Show
            <select
              value={props.state.limit}
              onChange={(event) => props.onLimit(Number(event.currentTarget.value))}
              aria-label="Groups shown before the rest are summed as Other"
            >
              <For each={BREAKDOWN_LIMITS}>{(limit) => <option value={limit}>{limit}</option>}</For>
            </select>
          </label>
        </Show>
      </div>
    </>
  )
}

/** A group's identifiers under its name: the AWS account number, the product id. */
function GroupDetail(props: { row: BreakdownGroup; group: string }) {
  const detail = () => {
    if (props.group === 'account' || props.group === 'payer') return props.row.aws_account_id
    if (props.group === 'product' && props.row.key) return `product #${props.row.key}`
    return null
  }
  return (
    <Show when={detail()}>
      <span class="group-detail mono">{detail()}</span>
    </Show>
  )
}

/** Cost, invoice, margin, margin % and the restated mark of one row. */
export function FigureCells(props: { figures: BillingFigures; currency: string }) {
  return (
    <>
      <td class="num" data-col="cost" data-value={props.figures.cost ?? ''}>
        <Money value={props.figures.cost} currency={props.currency} />
      </td>
      <td class="num" data-col="invoice" data-value={props.figures.invoice ?? ''}>
        <Money value={props.figures.invoice} currency={props.currency} />
      </td>
      <td class="num" data-col="margin" data-value={props.figures.margin ?? ''}>
        <Margin value={props.figures.margin} negative={props.figures.negative} currency={props.currency} />
      </td>
      <td class="num" data-col="margin_pct">
        <MarginPct value={props.figures.margin_pct} negative={props.figures.negative} />
      </td>
      <td data-col="restated">
        <Show when={props.figures.restated}>
          <RestatedBadge
            months={props.figures.restated_months}
            cost={props.figures.restated_cost}
            currency={props.currency}
          />
        </Show>
      </td>
    </>
  )
}

function SortHeader(props: {
  sort: BreakdownSort
  label: string
  active: boolean
  order: SortOrder
  enabled: boolean
  numeric: boolean
  onSort: (sort: BreakdownSort) => void
}) {
  const label = () => props.label
  return (
    <th
      scope="col"
      class={props.numeric ? 'num' : undefined}
      aria-sort={props.active ? (props.order === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <Show when={props.enabled} fallback={<span title="Not available in this view">{label()}</span>}>
        <button
          type="button"
          class="sort-button"
          onClick={() => props.onSort(props.sort)}
          aria-label={`Sort by ${label()}${props.active ? (props.order === 'asc' ? ', ascending' : ', descending') : ''}`}
        >
          {label()}
          <span class="sort-indicator" aria-hidden="true">
            {props.active ? (props.order === 'asc' ? '▲' : '▼') : ''}
          </span>
        </button>
      </Show>
    </th>
  )
}
