// The picker's list: payer accounts (each with every account it pays for), then customers with their
// accounts grouped under the payer that pays for them. Checking a box changes the selection at once.
import { createAsync } from '@solidjs/router'
import { createEffect, createSignal, For, on, Show } from 'solid-js'
import { formatNumber } from '../../lib/format.ts'
import { EmptyState } from '../../ui/States.tsx'
import { accountName, type BillingAccount, listBillingAccounts, PICKER_PAGE } from './cost.ts'
import type { CostState } from './cost-state.ts'

export type Selection = Pick<CostState, 'accounts' | 'payers' | 'customers'>
export type SelectionKind = keyof Selection
type Toggle = (kind: SelectionKind, id: string) => void

/** `568095065433` → `5680-9506-5433`, as the AWS console writes it. */
function awsNumber(id: string | null): string | null {
  return id ? id.replace(/^(\d{4})(\d{4})(\d{4})$/, '$1-$2-$3') : null
}

export function AccountTree(props: { q: string; selection: Selection; onToggle: Toggle }) {
  // A new search starts again at the first page.
  const [limit, setLimit] = createSignal(PICKER_PAGE)
  createEffect(
    on(
      () => props.q,
      () => setLimit(PICKER_PAGE),
      { defer: true },
    ),
  )
  const more = () => setLimit((value) => value + PICKER_PAGE)
  const data = createAsync(() => listBillingAccounts(props.q, limit()))
  const picked = (kind: SelectionKind, id: string | null) => id !== null && props.selection[kind].includes(id)
  return (
    <Show
      when={(data()?.customers.length ?? 0) + (data()?.payers.length ?? 0) > 0}
      fallback={
        <EmptyState title="No customer or account matches">
          Try part of a name, an alias or at least four digits of an AWS account number.
        </EmptyState>
      }
    >
      <Show when={data()!.payers.length > 0}>
        <h3 class="picker-heading">Payer accounts</h3>
        <ul class="picker-list">
          <For each={data()!.payers}>
            {(payer) => (
              <li>
                <label class="picker-option">
                  <input
                    type="checkbox"
                    checked={picked('payers', payer.ref)}
                    aria-label={`Payer ${accountName(payer)}, with every account it pays for`}
                    onChange={() => props.onToggle('payers', payer.ref)}
                  />
                  <span class="option-name">{accountName(payer)}</span>
                  <span class="option-detail mono">{awsNumber(payer.aws_account_id)}</span>
                  <span class="option-detail">pays for {formatNumber(payer.linked_accounts)}</span>
                </label>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <h3 class="picker-heading">Customers and their accounts</h3>
      <ul class="picker-list" data-testid="picker-customers">
        <For each={data()!.customers}>
          {(customer) => (
            <li class="picker-customer">
              <label class="picker-option customer">
                <input
                  type="checkbox"
                  checked={picked('customers', customer.id)}
                  disabled={customer.id === null}
                  aria-label={`Customer ${customer.name}, with all its accounts`}
                  onChange={() => customer.id && props.onToggle('customers', customer.id)}
                />
                <span class="option-name">{customer.name}</span>
                <span class="option-detail">
                  {formatNumber(customer.account_count)}{' '}
                  {customer.account_count === 1 ? 'account' : 'accounts'}
                </span>
              </label>
              <For each={customer.payers}>
                {(branch) => (
                  <div class="picker-branch">
                    <div class="branch-payer muted">
                      {branch.payer
                        ? `Paid by ${accountName(branch.payer)} (${awsNumber(branch.payer.aws_account_id) ?? 'no number'})`
                        : 'No payer account'}
                    </div>
                    <ul class="picker-list">
                      <For each={branch.linked.filter((account) => account !== null)}>
                        {(account) => (
                          <AccountOption
                            account={account}
                            picked={picked('accounts', account.ref)}
                            onToggle={props.onToggle}
                          />
                        )}
                      </For>
                    </ul>
                  </div>
                )}
              </For>
            </li>
          )}
        </For>
      </ul>
      <Show when={data()!.total_customers > data()!.customers.length}>
        <div class="picker-more">
          <span class="muted">
            {formatNumber(data()!.customers.length)} of {formatNumber(data()!.total_customers)} customers
          </span>
          <button type="button" class="button small" onClick={more}>
            Show more customers
          </button>
        </div>
      </Show>
    </Show>
  )
}

function AccountOption(props: { account: BillingAccount; picked: boolean; onToggle: Toggle }) {
  const name = () => accountName(props.account)
  return (
    <li>
      <label class="picker-option account">
        <input
          type="checkbox"
          checked={props.picked}
          aria-label={`Account ${name()}`}
          onChange={() => props.onToggle('accounts', props.account.ref)}
        />
        <span class="option-name">{name()}</span>
        <span class="option-detail mono">
          {awsNumber(props.account.aws_account_id) ?? props.account.aws_account_id_raw ?? 'no number'}
        </span>
        <Show when={props.account.status && props.account.status !== 'ACTIVE'}>
          <span class="badge">{props.account.status?.toLowerCase()}</span>
        </Show>
        <Show when={!props.account.first_month}>
          <span class="option-detail">no AWS cost</span>
        </Show>
      </label>
    </li>
  )
}
