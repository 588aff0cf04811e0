// What the API found wrong with the edited YAML, next to the editor: one line per problem with its line
// (a button that selects it in the editor), where in the ruleset, and the message.
import { For, Show } from 'solid-js'
import type { RulesetProblem } from './rules-problems.ts'

export function ProblemList(props: {
  id: string
  title: string
  problems: RulesetProblem[]
  onGoToLine: (line: number) => void
}) {
  return (
    <div id={props.id} class="problems" role="alert" data-testid="ruleset-problems">
      <h4>{props.title}</h4>
      <ul>
        <For each={props.problems}>
          {(problem) => (
            <li>
              <Show when={problem.line}>
                {(line) => (
                  <button
                    type="button"
                    class="problem-line"
                    onClick={() => props.onGoToLine(line())}
                    title={`Select line ${line()} in the editor`}
                  >
                    Line {line()}
                  </button>
                )}
              </Show>
              <Show when={problem.where}>
                <code class="problem-where">{problem.where}</code>
              </Show>
              <span class="problem-message">{problem.message}</span>
            </li>
          )}
        </For>
      </ul>
    </div>
  )
}
