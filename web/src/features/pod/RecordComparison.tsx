// The ACE opportunity and its Odoo match side by side; rows whose values differ are highlighted. Below
// them, where the link stands with Partner Central (the opportunity's newest write-back, if any).
import { createAsync } from '@solidjs/router'
import { For, type JSX, Show, Suspense } from 'solid-js'
import type { Schemas } from '../../lib/api-client.ts'
import { formatDate, formatMoney, MISSING } from '../../lib/format.ts'
import { aceSourceLabel } from '../../lib/labels.ts'
import { Async, LoadingLines } from '../../ui/States.tsx'
import { WriteBackState } from '../write-back/WriteBackState.tsx'
import { getOpportunity } from './pod.ts'

type Opportunity = Schemas['OpportunityDetail']

interface Row {
  label: string
  ace: string | null
  odoo: string | null
  /** Whether the two values mean the same thing and can be compared. */
  comparable: boolean
  /** How to tell the values the same (default: sameValue). */
  same?: (a: string | null, b: string | null) => boolean
  render?: (value: string | null, side: 'ace' | 'odoo') => JSX.Element
}

/** Case, spacing and punctuation do not make two values different. */
export function sameValue(a: string | null, b: string | null): boolean {
  const norm = (value: string) =>
    value
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  return a === null || b === null ? a === b : norm(a) === norm(b)
}

/** ACE says `Partner Referral`, Odoo `partner`: compare what they mean. */
function originOf(value: string | null): string | null {
  if (!value) return null
  const lower = value.toLowerCase()
  if (lower.startsWith('partner')) return 'partner'
  if (lower.startsWith('aws')) return 'aws'
  return lower
}

function rows(ace: Opportunity, odoo: Opportunity | null): Row[] {
  const pick = (key: keyof Opportunity) => ({
    ace: (ace[key] as string | null) ?? null,
    odoo: odoo ? ((odoo[key] as string | null) ?? null) : null,
  })
  const date = (value: string | null) => formatDate(value)
  return [
    {
      label: 'Source',
      ace: aceSourceLabel(ace.raw.source),
      odoo: odoo ? 'Odoo database' : null,
      comparable: false,
    },
    { label: 'Customer', ...pick('customer_name'), comparable: true },
    { label: 'Title', ...pick('title'), comparable: true },
    { label: 'Stage', ...pick('stage'), comparable: false },
    { label: 'Status', ...pick('status'), comparable: false },
    { label: 'Close date', ...pick('close_date'), comparable: true, render: date },
    {
      label: 'Amount',
      ...pick('amount'),
      comparable: false,
      render: (value, side) =>
        value === null
          ? null
          : `${formatMoney(value, 'USD')}${side === 'ace' ? ' / month (expected spend)' : ' (expected revenue)'}`,
    },
    { label: 'Domain', ...pick('domain'), comparable: true },
    { label: 'AWS account', ...pick('aws_account_id'), comparable: false },
    {
      label: 'Origin',
      ...pick('origin'),
      comparable: true,
      same: (a, b) => originOf(a) === originOf(b),
    },
    { label: 'Owner', ...pick('owner'), comparable: false },
    { label: 'Country', ...pick('country_code'), comparable: true },
    { label: 'State', ...pick('state_code'), comparable: true },
  ]
}

function differs(row: Row, hasOdoo: boolean): boolean {
  if (!hasOdoo || !row.comparable) return false
  return !(row.same ?? sameValue)(row.ace, row.odoo)
}

export function RecordComparison(props: { aceId: string; odooLeadId: string | null }) {
  const ace = createAsync(() => getOpportunity(`ace:${props.aceId}`))
  const odoo = createAsync(async () => (props.odooLeadId ? getOpportunity(`odoo:${props.odooLeadId}`) : null))
  return (
    <Suspense fallback={<LoadingLines lines={12} height={18} label="Loading the records" />}>
      <Show when={ace()}>
        {(aceRecord) => {
          const hasOdoo = () => Boolean(odoo())
          return (
            <>
              <table class="compare" data-testid="comparison">
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">ACE {props.aceId}</th>
                    <th scope="col">{props.odooLeadId ? `Odoo #${props.odooLeadId}` : 'Odoo'}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={rows(aceRecord(), odoo() ?? null)}>
                    {(row) => (
                      <tr
                        class={differs(row, hasOdoo()) ? 'differs' : undefined}
                        data-differs={differs(row, hasOdoo())}
                      >
                        <td>{row.label}</td>
                        <Cell row={row} side="ace" />
                        <Show
                          when={hasOdoo()}
                          fallback={<td class="missing">{props.odooLeadId ? MISSING : 'No Odoo match'}</td>}
                        >
                          <Cell row={row} side="odoo" />
                        </Show>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
              <Async title="The write-back could not be loaded" fallback={null} resetKey={props.aceId}>
                <WriteBackState aceId={props.aceId} />
              </Async>
              <div class="grid grid-2" style={{ padding: '0 16px 12px', margin: '12px 0 0' }}>
                <AllFields title="All ACE fields" record={aceRecord()} />
                <Show when={odoo()}>
                  {(record) => <AllFields title="All Odoo fields" record={record()} />}
                </Show>
              </div>
            </>
          )
        }}
      </Show>
    </Suspense>
  )
}

function Cell(props: { row: Row; side: 'ace' | 'odoo' }) {
  const value = () => props.row[props.side]
  return (
    <td class={value() === null ? 'missing' : undefined}>
      {value() === null ? 'empty' : props.row.render ? props.row.render(value(), props.side) : value()}
    </td>
  )
}

function AllFields(props: { title: string; record: Opportunity }) {
  const entries = () =>
    Object.entries(props.record.fields).filter(
      ([, value]) => value !== null && value !== '' && typeof value !== 'object',
    )
  return (
    <details>
      <summary>
        {props.title} ({entries().length})
      </summary>
      <dl class="fields-list">
        <For each={entries()}>
          {([key, value]) => (
            <>
              <dt>{key}</dt>
              <dd>{String(value)}</dd>
            </>
          )}
        </For>
      </dl>
    </details>
  )
}
