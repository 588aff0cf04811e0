-- RULES: published ruleset versions (immutable), POD decisions (append-only: the newest per ACE
-- opportunity is the current one), reviewers' approvals and rejections, and the audit log. None of these
-- tables is ever updated, deleted from or truncated: triggers refuse it, so history cannot be rewritten.

create table ops.ruleset_versions (
  tenant_id text not null references ops.tenants,
  ruleset text not null,
  version integer not null check (version >= 1),
  content jsonb not null,                   -- the resolved ruleset (extends and overrides applied)
  content_hash text not null check (content_hash ~ '^sha256:[0-9a-f]{64}$'),
  source jsonb not null default '{}',       -- the YAML text of each file used, by file name
  author text not null check (length(trim(author)) > 0),
  published_at timestamptz not null default now(),
  primary key (tenant_id, ruleset, version),
  unique (tenant_id, ruleset, content_hash)
);

create table ops.decisions (
  decision_id bigint generated always as identity primary key,
  tenant_id text not null references ops.tenants,
  ace_id text not null,
  ruleset text not null,
  ruleset_version integer not null,
  content_hash text not null,
  as_of date not null,
  outcome text not null check (outcome in ('auto_approve', 'needs_review', 'auto_reject')),
  rules jsonb not null,                     -- one trace per rule: result, inputs, explanation
  facts jsonb not null,                     -- the fact set evaluated, so the decision can be replayed
  -- What the comparison with the previous decision looks at (version, results, facts other than the
  -- date itself): a new decision is appended only when it differs.
  fingerprint text not null,
  match_candidate_id bigint,                -- match.candidates row the match facts came from (not a FK: candidates are replaced)
  run_id uuid not null,                     -- one evaluation run (its audit event carries the counts)
  job_id uuid,
  actor text not null,
  evaluated_at timestamptz not null default now(),
  foreign key (tenant_id, ruleset, ruleset_version) references ops.ruleset_versions (tenant_id, ruleset, version)
);
create index decisions_ace_idx on ops.decisions (tenant_id, ace_id, decision_id desc);
create index decisions_run_idx on ops.decisions (tenant_id, run_id);

-- The current decision of each ACE opportunity: the newest one. Appending moves it; nothing is updated.
-- security_invoker: row-level security on ops.decisions applies to readers of the view too.
create view ops.current_decisions with (security_invoker = true) as
  select distinct on (tenant_id, ace_id) *
  from ops.decisions
  order by tenant_id, ace_id, decision_id desc;

create table ops.decision_reviews (
  review_id bigint generated always as identity primary key,
  tenant_id text not null references ops.tenants,
  decision_id bigint not null references ops.decisions,
  ace_id text not null,
  action text not null check (action in ('approve', 'reject')),
  note text not null check (length(trim(note)) > 0),
  reviewer text not null check (length(trim(reviewer)) > 0),
  created_at timestamptz not null default now()
);
create index decision_reviews_decision_idx on ops.decision_reviews (decision_id, review_id desc);
create index decision_reviews_ace_idx on ops.decision_reviews (tenant_id, ace_id, created_at desc);

-- Who did what, when: publishing a ruleset, each evaluation run, reviews of decisions and matches.
create table ops.audit_events (
  event_id bigint generated always as identity primary key,
  tenant_id text not null references ops.tenants,
  at timestamptz not null default now(),
  actor text not null,
  action text not null,                     -- e.g. ruleset.published, decisions.evaluated, decision.approved
  subject_type text not null,               -- e.g. ruleset, ace_opportunity, decision
  subject_id text not null,
  details jsonb not null default '{}'
);
create index audit_events_at_idx on ops.audit_events (tenant_id, at desc);
create index audit_events_subject_idx on ops.audit_events (tenant_id, subject_type, subject_id, at desc);
create index audit_events_action_idx on ops.audit_events (tenant_id, action, at desc);

create function ops.forbid_change() returns trigger language plpgsql as $$
begin
  raise exception '%.% is append-only: % is not allowed', tg_table_schema, tg_table_name, tg_op
    using errcode = 'raise_exception';
end
$$;

create trigger ruleset_versions_append_only before update or delete on ops.ruleset_versions
  for each row execute function ops.forbid_change();
create trigger ruleset_versions_no_truncate before truncate on ops.ruleset_versions
  for each statement execute function ops.forbid_change();
create trigger decisions_append_only before update or delete on ops.decisions
  for each row execute function ops.forbid_change();
create trigger decisions_no_truncate before truncate on ops.decisions
  for each statement execute function ops.forbid_change();
create trigger decision_reviews_append_only before update or delete on ops.decision_reviews
  for each row execute function ops.forbid_change();
create trigger decision_reviews_no_truncate before truncate on ops.decision_reviews
  for each statement execute function ops.forbid_change();
create trigger audit_events_append_only before update or delete on ops.audit_events
  for each row execute function ops.forbid_change();
create trigger audit_events_no_truncate before truncate on ops.audit_events
  for each statement execute function ops.forbid_change();
