-- Reviews are few per decision, but the planner learns otherwise where they pile up on a few decisions
-- (a disputed deal, or the load test reviewing the same twenty hundreds of times): from such a sample it
-- took "walk every review from the newest and keep this decision's" for the cheaper way to a decision's
-- latest review, and for each decision nobody reviewed that walked the whole table (the review queue took
-- 1.1 s at 9,600 reviews). Declared about two reviews per reviewed decision, each lookup descends the
-- decision's own index (decision_reviews_decision_idx), which is never far from the cheapest.
-- Test: engine/src/decisions/latest-review-plan.test.ts.
alter table ops.decision_reviews alter column decision_id set (n_distinct = -0.5);
analyze ops.decision_reviews;
