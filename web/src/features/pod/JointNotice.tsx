// Why this Odoo deal and not its sibling: a customer's ACE and Odoo deals are matched together, so the
// explanation names the runner-up deal with the comparisons that told the two apart, and the other ACE
// opportunities that claim the same Odoo deal.
import { For, Show } from 'solid-js'
import { formatBits, formatPercent, humanize } from '../../lib/format.ts'
import type { Explanation } from './waterfall.ts'

export function JointNotice(props: { joint: NonNullable<Explanation['joint']> }) {
  return (
    <div data-testid="joint" style={{ margin: '8px 0 0' }}>
      <Show when={props.joint.reentry_of}>
        {(earlier) => (
          <p data-testid="reentry" class="notice" role="status">
            This Odoo opportunity re-enters Odoo #{earlier()} (the same deal, entered again later): its
            evidence counts for the earlier one, which this ACE opportunity links instead.
          </p>
        )}
      </Show>
      <Show when={props.joint.preferred_over}>
        {(other) => (
          <div data-testid="preferred-over">
            <p style={{ margin: '0 0 4px' }}>
              Preferred over Odoo #{other().right_id} (on its own {formatPercent(other().own_probability, 1)},
              decided together with the customer's other deals {formatPercent(other().probability, 1)}
              ). On their own this pair had {formatPercent(props.joint.own_probability, 1)}.
            </p>
            <Show
              when={other().differences.length > 0}
              fallback={<p class="muted">No single comparison tells the two apart.</p>}
            >
              <table>
                <thead>
                  <tr>
                    <th scope="col">Comparison</th>
                    <th scope="col">This deal</th>
                    <th scope="col">Odoo #{other().right_id}</th>
                    <th scope="col" class="num">
                      Bits in favour
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={other().differences}>
                    {(difference) => (
                      <tr>
                        <td>{humanize(difference.comparison)}</td>
                        <td>{humanize(difference.level)}</td>
                        <td>{humanize(difference.other_level)}</td>
                        <td class="num">{formatBits(difference.bits)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </Show>
          </div>
        )}
      </Show>
      <Show when={props.joint.rivals.length > 0}>
        <p data-testid="rivals" class="muted" style={{ margin: '6px 0 0' }}>
          Also claimed by{' '}
          {props.joint.rivals
            .map((rival) => `ACE opportunity ${rival.left_id} (${formatPercent(rival.probability, 1)})`)
            .join(', ')}
          : {formatBits(-props.joint.rival_bits)} bits for this pair.
        </p>
      </Show>
    </div>
  )
}
