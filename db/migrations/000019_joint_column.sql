-- The joint step's part of a candidate's explanation (rivals, the runner-up deal, a re-entry) in a
-- column of its own: rewriting it after every run then leaves the stored explanation (the larger,
-- TOASTed document) untouched. Readers merge it back as `explanation.joint`.
alter table match.candidates add column joint jsonb;
update match.candidates set joint = explanation -> 'joint', explanation = explanation - 'joint'
where explanation ? 'joint';
