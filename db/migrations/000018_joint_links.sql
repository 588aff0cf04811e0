-- Joint links (engine/src/match/joint-assignment.ts): a candidate's probability is decided together
-- with the other records that claim the same counterpart. `weight_bits` keeps what the pair weighs on
-- its own (prior + evidence against "no counterpart", in bits), so the joint step can be recomputed
-- from the stored candidates after any run, review or single-record re-match.
alter table match.candidates add column weight_bits double precision;
update match.candidates
set weight_bits = log_odds + coalesce((explanation -> 'competition' ->> 'bits')::float8, 0);
alter table match.candidates alter column weight_bits set not null;
