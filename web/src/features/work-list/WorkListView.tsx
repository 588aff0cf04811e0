// The ACE work list: one row per change an approved opportunity still needs in ACE — the field (with its
// Partner Central name), its value now, the value it should have and why — by field in tabs with counts.
// A partner CRM id the write-back drafts shows that write's status, linked to the Write-backs page.
import { A, createAsync } from '@solidjs/router'
import { For, Show } from 'solid-js'
import { formatDate, formatNumber, MISSING } from '../../lib/format.ts'
import { WRITE_BACK_STATUSES, type WriteBackStatus } from '../../lib/labels.ts'
import { WriteBackModeBadge, WriteBackStatusBadge } from '../../ui/Badges.tsx'
import { EmptyState } from '../../ui/States.tsx'
import { Tabs } from '../../ui/Tabs.tsx'
import { getWorkList, type WorkField, type WorkItem, type WorkList } from './work-list.ts'
import { WORK_FIELD_LABELS, WORK_FIELDS } from './work-list-labels.ts'

type Tab = WorkField | 'all'
const TABS: readonly Tab[] = ['all', ...WORK_FIELDS]
const tabId = (tab: Tab) => `work-list-tab-${tab}`
const tabPanelId = (tab: Tab) => `work-list-panel-${tab}`

export function WorkListView(props: {
  field: WorkField | undefined
  onField: (field: WorkField | undefined) => void
}) {
  const list = createAsync(() => getWorkList())
  const tab = (): Tab => props.field ?? 'all'
  const items = () => (list()?.items ?? []).filter((item) => !props.field || item.field === props.field)
  const opportunities = () => new Set((list()?.items ?? []).map((item) => item.ace_id)).size
  return (
    <Show when={list()}>
      {(loaded) => (
        <>
          <div class="work-list-summary" data-testid="work-list-summary">
            <span>
              <strong>{formatNumber(loaded().items.length)}</strong>{' '}
              {loaded().items.length === 1 ? 'change' : 'changes'} on {formatNumber(opportunities())} of{' '}
              {formatNumber(loaded().approved)} ACE opportunities approved for POD · dates judged as of{' '}
              {formatDate(loaded().as_of)}
            </span>
            <WriteBackNote list={loaded()} />
          </div>
          <Tabs
            tabs={TABS}
            selected={tab()}
            onSelect={(selected) => props.onField(selected === 'all' ? undefined : selected)}
            label="Changes by field"
            tabId={tabId}
            panelId={tabPanelId}
          >
            {(t) => (
              <>
                {t === 'all' ? 'All' : WORK_FIELD_LABELS[t]}
                <span class="tab-count" data-testid={`count-${t}`}>
                  {formatNumber(t === 'all' ? loaded().items.length : loaded().counts[t])}
                </span>
              </>
            )}
          </Tabs>
          <div role="tabpanel" id={tabPanelId(tab())} aria-labelledby={tabId(tab())}>
            <Show when={items().length > 0} fallback={<Empty list={loaded()} field={props.field} />}>
              <div class="table-wrap">
                <table class="work-list" aria-label="ACE work list">
                  <thead>
                    <tr>
                      <th scope="col">ACE opportunity</th>
                      <th scope="col">Field</th>
                      <th scope="col">Now</th>
                      <th scope="col">Should be</th>
                      <th scope="col">Why</th>
                      <Show when={loaded().write_back}>
                        <th scope="col">Write-back</th>
                      </Show>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={items()}>
                      {(item) => <WorkRow item={item} writeBack={loaded().write_back !== null} />}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
          </div>
        </>
      )}
    </Show>
  )
}

/** `writeBack`: the tenant reads ACE from Partner Central, so the write-back column is shown. */
function WorkRow(props: { item: WorkItem; writeBack: boolean }) {
  const item = () => props.item
  return (
    <tr data-testid="work-row" data-ace-id={item().ace_id} data-field={item().field}>
      <td>
        <A href={`/pod/ace/${encodeURIComponent(item().ace_id)}`} class="mono" data-col="ace">
          {item().ace_id}
        </A>
        <div class="work-customer truncate" title={item().customer ?? undefined}>
          {item().customer ?? <span class="muted">no customer name</span>}
        </div>
        <div class="muted">
          {item().approved_by === 'person' ? 'approved by a person' : 'approved by the rules'}
        </div>
      </td>
      <td class="nowrap" data-col="field">
        {WORK_FIELD_LABELS[item().field]}
        <div class="mono muted">{item().ace_field}</div>
      </td>
      <td data-col="current">
        <Show when={item().current} fallback={<span class="muted">empty</span>}>
          <span class="work-value" title={item().current ?? undefined}>
            {item().current}
          </span>
        </Show>
      </td>
      <td data-col="expected">
        <Show when={item().expected} fallback={<span class="muted">to find out</span>}>
          <span class="work-value expected" title={item().expected ?? undefined}>
            {item().expected}
          </span>
        </Show>
      </td>
      <td class="work-why" data-col="why">
        {item().why}
      </td>
      <Show when={props.writeBack}>
        <td data-col="write-back">
          <WriteBackCell item={item()} />
        </td>
      </Show>
    </tr>
  )
}

const isStatus = (status: string): status is WriteBackStatus =>
  (WRITE_BACK_STATUSES as readonly string[]).includes(status)

function WriteBackCell(props: { item: WorkItem }) {
  return (
    <Show when={props.item.write_back} fallback={<span class="muted">{MISSING}</span>}>
      {(draft) => (
        <div class="work-write">
          <span class="muted">Write-back's draft</span>
          <Show when={draft().write} fallback={<span class="badge">Not planned yet</span>}>
            {(write) =>
              isStatus(write().status) ? (
                <WriteBackStatusBadge status={write().status as WriteBackStatus} />
              ) : (
                <span class="badge">{write().status}</span>
              )
            }
          </Show>
          <span>
            <WriteBackModeBadge mode={draft().write?.mode ?? draft().mode} />{' '}
            <Show when={draft().write}>
              {(write) => (
                <A href={`/write-backs?ace_id=${encodeURIComponent(props.item.ace_id)}`}>
                  write #{write().write_id}
                </A>
              )}
            </Show>
          </span>
        </div>
      )}
    </Show>
  )
}

/** Where the partner makes the changes: in Partner Central by hand, or through the write-back. */
function WriteBackNote(props: { list: WorkList }) {
  return (
    <Show
      when={props.list.write_back?.enabled && props.list.write_back}
      fallback={
        <span class="muted">
          Make these changes in AWS Partner Central.
          {props.list.write_back ? ' Write-back is off for this tenant.' : ''}
        </span>
      }
    >
      {(writeBack) => (
        <span class="muted">
          Write-back is on ({writeBack().mode === 'live' ? 'live' : 'a dry run'}): partner CRM id changes are
          its drafts — <A href="/write-backs?status=pending_approval">approve them on Write-backs</A>.
        </span>
      )}
    </Show>
  )
}

function Empty(props: { list: WorkList; field: WorkField | undefined }) {
  return (
    <Show
      when={props.field}
      fallback={
        <EmptyState
          title={props.list.approved === 0 ? 'Nothing approved for POD yet' : 'Nothing left to change in ACE'}
        >
          {props.list.approved === 0
            ? 'The work list shows what ACE opportunities approved for POD (by the rules, or by a person on the POD review) still need in ACE.'
            : `The ${formatNumber(props.list.approved)} approved ACE opportunities are complete and consistent with their Odoo links.`}
        </EmptyState>
      }
    >
      {(field) => <EmptyState title={`No ${WORK_FIELD_LABELS[field()].toLowerCase()} to change`} />}
    </Show>
  )
}
