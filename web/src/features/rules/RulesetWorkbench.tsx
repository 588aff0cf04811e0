// Edit, simulate, publish: the YAML of a version in an editor, "Simulate" to see how today's decisions
// would change (nothing is written), "Publish" (after a confirmation) to make it the next version.
// Problems the API finds are listed beside the editor with their lines. The edit survives a reload.
import { createAsync, useAction, useSubmission } from '@solidjs/router'
import { createEffect, createMemo, createSignal, on, Show } from 'solid-js'
import { formatDate } from '../../lib/format.ts'
import { useShortcuts } from '../../lib/shortcuts.ts'
import { EmptyState, LoadingLines } from '../../ui/States.tsx'
import { ProblemList } from './ProblemList.tsx'
import { PublishDialog, type SimulationState } from './PublishDialog.tsx'
import {
  getDecisionsAsOf,
  publishRuleset,
  RULESET,
  RULESET_FILE,
  type RulesetConfig,
  type SimulationReport,
  simulateRuleset,
} from './rules.ts'
import { parameterUnits } from './rules-describe.ts'
import { readRulesDraft, saveRulesDraft } from './rules-draft.ts'
import { type RulesetProblems, readRulesetProblems } from './rules-problems.ts'
import { rulesSearch } from './rules-view.ts'
import { SimulationReportView } from './SimulationReport.tsx'
import { YamlEditor, type YamlEditorControls } from './YamlEditor.tsx'

type Act = 'simulate' | 'publish'

const PROBLEM_TITLES: Record<Act, { invalid: string; failed: string }> = {
  simulate: {
    invalid: 'The ruleset is not valid, so nothing was simulated',
    failed: 'The simulation failed',
  },
  publish: { invalid: 'The ruleset is not valid, so nothing was published', failed: 'Publishing failed' },
}

export function RulesetWorkbench(props: {
  /** The version the edit starts from (the one selected). */
  base: RulesetConfig
  /** The newest published version; null before the first. */
  latestVersion: number | null
  onPublished: (config: RulesetConfig) => void
}) {
  const stored = readRulesDraft(RULESET)
  const [draft, setDraft] = createSignal(stored?.yaml ?? props.base.yaml)
  const [draftFrom, setDraftFrom] = createSignal(stored ? stored.from : props.base.version)
  // What the edit is compared with to know whether it is one.
  const [startYaml, setStartYaml] = createSignal(props.base.yaml)
  const modified = () => draft() !== startYaml()
  const [report, setReport] = createSignal<{ report: SimulationReport; yaml: string }>()
  const [problems, setProblems] = createSignal<RulesetProblems & { act: Act }>()
  const [published, setPublished] = createSignal<{ config: RulesetConfig; created: boolean }>()
  const [confirming, setConfirming] = createSignal(false)
  // The as-of date only pre-fills the field: without it the API judges as of today.
  const decisionsAsOf = createAsync(() => getDecisionsAsOf().catch(() => null))
  const [asOf, setAsOf] = createSignal<string>()
  const effectiveAsOf = () => asOf() ?? decisionsAsOf() ?? ''
  const simulate = useAction(simulateRuleset)
  const simulating = useSubmission(simulateRuleset)
  const publish = useAction(publishRuleset)
  const publishing = useSubmission(publishRuleset)
  const units = createMemo(() => parameterUnits(props.base.content))
  let editor: YamlEditorControls | undefined

  // Another version chosen: start from it, unless there is an edit to keep.
  createEffect(
    on(
      () => props.base,
      (base) => {
        if (modified()) return
        setDraft(base.yaml)
        setStartYaml(base.yaml)
        setDraftFrom(base.version)
      },
      { defer: true },
    ),
  )
  createEffect(() => saveRulesDraft(RULESET, modified() ? { from: draftFrom(), yaml: draft() } : null))

  const errorLines = createMemo(
    () => new Set((problems()?.problems ?? []).flatMap((problem) => (problem.line ? [problem.line] : []))),
  )
  const stale = () => report() !== undefined && report()?.yaml !== draft()
  const simulationState = (): SimulationState => {
    const current = report()
    if (!current) return { kind: 'none' }
    return current.yaml === draft()
      ? { kind: 'current', changes: current.report.changes.length }
      : { kind: 'stale' }
  }

  const runSimulation = async () => {
    if (simulating.pending) return
    const yaml = draft()
    setProblems(undefined)
    setPublished(undefined)
    try {
      const result = await simulate(yaml, effectiveAsOf() || undefined)
      setReport({ report: result, yaml })
      // The results start below the editor: bring them into view.
      document.getElementById('simulation-title')?.scrollIntoView({ block: 'start' })
    } catch (error) {
      setReport(undefined)
      setProblems({ act: 'simulate', ...readRulesetProblems(error, RULESET_FILE) })
    }
  }

  const runPublish = async () => {
    const yaml = draft()
    const before = props.latestVersion
    try {
      const config = await publish(yaml)
      setConfirming(false)
      setProblems(undefined)
      setPublished({ config, created: config.version !== before })
      setStartYaml(config.yaml)
      setDraft(config.yaml)
      setDraftFrom(config.version)
      props.onPublished(config)
    } catch (error) {
      setConfirming(false)
      setProblems({ act: 'publish', ...readRulesetProblems(error, RULESET_FILE) })
    }
  }

  const discard = () => {
    setDraft(props.base.yaml)
    setStartYaml(props.base.yaml)
    setDraftFrom(props.base.version)
    setProblems(undefined)
  }

  useShortcuts(() => [{ key: 'Mod+Enter', run: () => void runSimulation(), inFields: true }])

  // The diff of a version just published against the one before it.
  const publishedDiffHref = () => {
    const done = published()
    const version = done?.created ? done.config.version : null
    return version && version > 1
      ? `/rules${rulesSearch({ tab: 'diff', from: version - 1, to: version })}`
      : null
  }

  const fromLabel = (version: number | null) =>
    version === null ? "the tenant's file" : `version ${version}`

  return (
    <div class="workbench">
      <Show when={modified() && draftFrom() !== props.base.version}>
        <p class="notice warning" role="status">
          <span>
            Your unpublished edit started from {fromLabel(draftFrom())}; it is kept until you publish or
            discard it.
          </span>
          <button type="button" class="button small" onClick={discard}>
            Start over from {fromLabel(props.base.version)}
          </button>
        </p>
      </Show>
      <Show when={published()}>
        {(done) => (
          <p class="notice success" role="status" data-testid="publish-result">
            <span>
              <Show
                when={done().created}
                fallback={`Nothing to publish: this YAML has the same rules and parameters as version ${done().config.version}.`}
              >
                Published version {done().config.version} by {done().config.author}. The next evaluation
                decides with it.
              </Show>
            </span>
            <Show when={publishedDiffHref()}>{(diffHref) => <a href={diffHref()}>See what changed</a>}</Show>
          </p>
        )}
      </Show>

      <div class="editor-head">
        <label for="ruleset-yaml">
          Ruleset YAML{' '}
          <span class="muted">
            ({RULESET_FILE}, edited from {fromLabel(draftFrom())})
          </span>
        </label>
        <span class="muted editor-status" aria-live="polite">
          {modified() ? 'Edited, not published' : 'Unchanged'}
        </span>
      </div>
      <YamlEditor
        id="ruleset-yaml"
        value={draft()}
        onInput={setDraft}
        errorLines={errorLines()}
        invalid={problems()?.invalid === true}
        describedBy="ruleset-yaml-help ruleset-problems"
        onReady={(controls) => {
          editor = controls
        }}
      />
      <p id="ruleset-yaml-help" class="editor-help muted">
        Conditions are CEL over the facts and <code>params</code>; <code>{'{{…}}'}</code> fills explanations.
        Simulate (Ctrl+Enter) to see how today's decisions would change; nothing is published until you
        publish.
      </p>
      <div id="ruleset-problems">
        <Show when={problems()}>
          {(found) => (
            <ProblemList
              id="ruleset-problem-list"
              title={
                found().invalid ? PROBLEM_TITLES[found().act].invalid : PROBLEM_TITLES[found().act].failed
              }
              problems={found().problems}
              onGoToLine={(line) => editor?.goToLine(line)}
            />
          )}
        </Show>
      </div>

      <div class="editor-actions">
        <div class="field as-of">
          <label for="simulate-as-of">Decisions as of</label>
          <input
            id="simulate-as-of"
            type="date"
            value={effectiveAsOf()}
            onInput={(event) => setAsOf(event.currentTarget.value)}
          />
        </div>
        <button
          type="button"
          class="button primary"
          onClick={() => void runSimulation()}
          disabled={simulating.pending}
        >
          {simulating.pending ? 'Simulating…' : 'Simulate'}
        </button>
        <button
          type="button"
          class="button"
          onClick={() => {
            setProblems(undefined)
            setConfirming(true)
          }}
          disabled={publishing.pending || draft().trim() === ''}
        >
          Publish…
        </button>
        <Show when={modified()}>
          <button type="button" class="button" onClick={discard}>
            Discard the edit
          </button>
        </Show>
      </div>

      <section class="simulation-area" aria-labelledby="simulation-title" aria-busy={simulating.pending}>
        <h3 id="simulation-title">Simulation</h3>
        <Show
          when={!simulating.pending}
          fallback={<LoadingLines lines={8} height={22} label="Simulating today's decisions" />}
        >
          <Show
            when={report()}
            fallback={
              <EmptyState title="Not simulated yet">
                Simulate to count today's outcomes with {fromLabel(props.latestVersion)} and with your edit,
                and to list the opportunities that would change
                {decisionsAsOf() ? ` (decisions as of ${formatDate(decisionsAsOf())})` : ''}.
              </EmptyState>
            }
          >
            {(current) => <SimulationReportView report={current().report} units={units()} stale={stale()} />}
          </Show>
        </Show>
      </section>

      <PublishDialog
        open={confirming()}
        ruleset={RULESET}
        nextVersion={(props.latestVersion ?? 0) + 1}
        simulation={simulationState()}
        pending={Boolean(publishing.pending)}
        onConfirm={() => void runPublish()}
        onCancel={() => setConfirming(false)}
      />
    </div>
  )
}
