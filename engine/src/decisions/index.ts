// The decisions feature's public surface: facts, published ruleset versions, evaluation, simulation,
// reviews, reads, the audit log and the export.
export type { AuditEvent, AuditEventInput, AuditLogFilter, AuditLogPage } from '../audit/audit-events.ts'
export { listAuditEvents, recordAuditEvent } from '../audit/audit-events.ts'
export type { DecisionHistory, HistoryEntry } from './decision-history.ts'
export { readDecisionHistory } from './decision-history.ts'
export type { DecisionsConfig, EndUserSource } from './decisions-config.ts'
export { DEFAULT_DECISIONS_CONFIG, loadDecisionsConfig } from './decisions-config.ts'
export type {
  EvaluateDecisionsOptions,
  EvaluateDecisionsReport,
  OutcomeCounts,
} from './evaluate-decisions.ts'
export { evaluateDecisions } from './evaluate-decisions.ts'
export { DECISION_EXPORT_COLUMNS, exportDecisionRows, NOT_DECIDED } from './export-decisions.ts'
export type { CollectedFacts, CollectFactsOptions } from './facts/collect-facts.ts'
export { collectFacts, collectOpportunityFacts } from './facts/collect-facts.ts'
export type { DecisionFilter, DecisionPage, DecisionSort } from './list-decisions.ts'
export { DECISION_SORTS, listCurrentDecisions } from './list-decisions.ts'
export type { EnsurePublishedResult } from './publish-ruleset.ts'
export {
  DEFAULT_RULESET,
  ensurePublished,
  publishRulesetFile,
  publishRulesetText,
  readCandidateRuleset,
  rulesDirOf,
} from './publish-ruleset.ts'
export type { BestMatch, DecisionDetail, DecisionSummary } from './read-decisions.ts'
export { readCurrentDecision, readDecision } from './read-decisions.ts'
export type { ReproducedDecision } from './reproduce-decision.ts'
export { reproduceDecision } from './reproduce-decision.ts'
export type { DecisionReview, ReviewAction, ReviewDecisionInput } from './review-decision.ts'
export { reviewDecision } from './review-decision.ts'
export type { PublishResult, RulesetVersion, RulesetVersionSummary } from './ruleset-versions.ts'
export { listRulesetVersions, readLatestRulesetVersion, readRulesetVersion } from './ruleset-versions.ts'
export type { OutcomeChange, SimulationReport } from './simulate-ruleset.ts'
export { simulateRuleset } from './simulate-ruleset.ts'
