// POD decisions (RULES applied): the decide stage, published ruleset versions, simulation, reviews, reads and export.
export { decideStage } from './decide-stage.ts'
export { readDecisionHistory } from './decision-history.ts'
export { evaluateDecisions, resolveEvaluationVersion } from './evaluate-decisions.ts'
export { DECISION_EXPORT_COLUMNS, exportDecisionRows } from './export-decisions.ts'
export { DECISION_SORTS, listCurrentDecisions } from './list-decisions.ts'
export {
  DEFAULT_RULESET,
  ensurePublished,
  publishRulesetFile,
  publishRulesetText,
  rulesDirOf,
} from './publish-ruleset.ts'
export { readDecision } from './read-decisions.ts'
export { reviewDecision } from './review-decision.ts'
export { diffRulesetVersions, readRulesetConfig } from './ruleset-config.ts'
export { listRulesetVersions } from './ruleset-versions.ts'
export type { SimulationReport } from './simulate-ruleset.ts'
export { simulateRuleset } from './simulate-ruleset.ts'
