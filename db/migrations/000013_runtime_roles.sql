-- Runtime roles that cannot choose their tenant. The API (`revops_app`) and the job worker
-- (`revops_worker`) log in as roles that are neither superuser nor owner; the owner keeps migrations.
-- A session's tenant is not a setting it may write: it follows from a credential the session presents at
-- connection start and a SECURITY DEFINER function checks, and every row-level security policy asks that
-- function:
--   * `app.api_key` — an API key; the tenant is the key's (revoked or unknown keys see nothing);
--   * `app.job_id`  — for `revops_worker` sessions only: a queued or running job; the tenant is the job's.
-- Setting `app.tenant_id` (what 000010's policies read) no longer reaches anything.
-- Attribution follows the same credential: rows that record who acted (audit events, reviews, published
-- versions, decisions) are stamped with the key (or the job's requester) by a trigger, whatever the
-- statement said.

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'revops_worker') then
    create role revops_worker nologin;
  end if;
end
$$;

-- The worker may use every product table the API may (row-level security still scopes it to one tenant).
grant usage on schema raw, core, search, ops, match to revops_worker;
grant select, insert, update, delete on all tables in schema raw, core, search, ops, match to revops_worker;
grant usage, select on all sequences in schema raw, core, search, ops, match to revops_worker;
alter default privileges in schema raw, core, search, ops, match grant select, insert, update, delete on tables to revops_worker;
alter default privileges in schema raw, core, search, ops, match grant usage, select on sequences to revops_worker;
-- ANALYZE after bulk loads (a non-owner without MAINTAIN only gets a warning; PostgreSQL 17 has MAINTAIN).
do $$
begin
  if current_setting('server_version_num')::int >= 170000 then
    execute 'grant maintain on all tables in schema raw, core, search, ops, match to revops_worker';
    execute 'alter default privileges in schema raw, core, search, ops, match grant maintain on tables to revops_worker';
  end if;
end
$$;

-- Keys and the migration ledger are reached only through the functions below (or by the owner).
revoke all on ops.api_keys, ops.schema_migrations from revops_app, revops_worker;
revoke insert, update, delete on ops.worker_heartbeats from revops_app;

-- Who asked for a job and which worker runs it (so the work of a worker that died can be released).
alter table ops.jobs
  add column requested_by text not null default 'system',
  add column requested_by_key_id uuid,
  add column worker_id text,
  add column locked_by text;
-- graphile-worker's own ids of a worker process's pools (what it locks jobs with).
alter table ops.worker_heartbeats add column queue_worker_ids text[] not null default '{}';

-- The authenticated principal of each act, beside the free-text name a person may give.
alter table ops.audit_events add column actor_key_id uuid, add column actor_display_name text;
alter table ops.decision_reviews add column reviewer_key_id uuid, add column reviewer_display_name text;
alter table ops.ruleset_versions add column author_key_id uuid, add column author_display_name text;
alter table ops.decisions add column actor_key_id uuid;
alter table match.reviews add column reviewer_key_id uuid, add column reviewer_display_name text;

-- The session's principal: the API key it presented, or (worker sessions) the job it works on and who
-- asked for that job. Null fields for sessions that presented neither (the owner, or nothing: no rows).
create function ops.current_principal(out key_id uuid, out name text, out tenant_id text, out job_id uuid)
language plpgsql stable security definer set search_path = pg_catalog, pg_temp as $$
declare
  presented_key text := nullif(current_setting('app.api_key', true), '');
  presented_job text := nullif(current_setting('app.job_id', true), '');
begin
  if presented_key is not null then
    select k.key_id, k.name, k.tenant_id into key_id, name, tenant_id
    from ops.api_keys k
    where k.key_hash = encode(sha256(convert_to(presented_key, 'UTF8')), 'hex') and k.revoked_at is null;
  elsif presented_job is not null
        and presented_job ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
        and pg_has_role(session_user, 'revops_worker', 'member') then
    select j.requested_by_key_id, j.requested_by, j.tenant_id, j.job_id into key_id, name, tenant_id, job_id
    from ops.jobs j
    where j.job_id = presented_job::uuid and j.status in ('queued', 'running');
  end if;
end
$$;

create function ops.current_tenant() returns text
language sql stable security definer set search_path = pg_catalog, pg_temp as $$
  select tenant_id from ops.current_principal()
$$;

-- The owner (or a superuser) acting directly: migrations, the CLI, tests. Inside a SECURITY DEFINER
-- function current_user is the function's owner, so this asks whether the session itself is the owner.
create function ops.is_owner_session() returns boolean
language sql stable security definer set search_path = pg_catalog, pg_temp as $$
  select session_user = current_user or coalesce((select rolsuper from pg_roles where rolname = session_user), false)
$$;

-- Every table with a tenant_id: the tenant is the session's principal's. `(select …)` runs the check once
-- per statement, not per row.
do $$
declare
  t record;
begin
  for t in
    select c.table_schema, c.table_name
    from information_schema.columns c
    join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
    where c.column_name = 'tenant_id' and tb.table_type = 'BASE TABLE'
      and c.table_schema in ('raw', 'core', 'search', 'ops', 'match')
  loop
    execute format('alter table %I.%I enable row level security', t.table_schema, t.table_name);
    execute format('drop policy if exists tenant_isolation on %I.%I', t.table_schema, t.table_name);
    execute format(
      'create policy tenant_isolation on %I.%I using (tenant_id = (select ops.current_tenant())) '
      'with check (tenant_id = (select ops.current_tenant()))',
      t.table_schema, t.table_name);
  end loop;
end
$$;

-- Attribution: a session that presented a key (or works on a job) is the actor of what it records.
-- TG_ARGV: the name column and the key column of the table.
create function ops.stamp_principal() returns trigger
language plpgsql security definer set search_path = pg_catalog, pg_temp as $$
declare
  principal record;
begin
  select * into principal from ops.current_principal();
  if principal.tenant_id is not null then
    new := jsonb_populate_record(new, jsonb_build_object(
      tg_argv[0], coalesce(principal.name, 'system'),
      tg_argv[1], principal.key_id));
  end if;
  return new;
end
$$;

create trigger audit_events_principal before insert on ops.audit_events
  for each row execute function ops.stamp_principal('actor', 'actor_key_id');
create trigger decision_reviews_principal before insert on ops.decision_reviews
  for each row execute function ops.stamp_principal('reviewer', 'reviewer_key_id');
create trigger ruleset_versions_principal before insert on ops.ruleset_versions
  for each row execute function ops.stamp_principal('author', 'author_key_id');
create trigger decisions_principal before insert on ops.decisions
  for each row execute function ops.stamp_principal('actor', 'actor_key_id');
create trigger reviews_principal before insert on match.reviews
  for each row execute function ops.stamp_principal('reviewer', 'reviewer_key_id');

-- The API's key lookup: the live key with this text, and a note that it was used (at most once a minute).
create function ops.authenticate_api_key(presented text)
returns table (key_id uuid, tenant_id text, name text, prefix text)
language plpgsql volatile security definer set search_path = pg_catalog, pg_temp as $$
declare
  found_key uuid;
begin
  select k.key_id into found_key from ops.api_keys k
  where k.key_hash = encode(sha256(convert_to(presented, 'UTF8')), 'hex') and k.revoked_at is null;
  if found_key is null then
    return;
  end if;
  update ops.api_keys k set last_used_at = now()
  where k.key_id = found_key and (k.last_used_at is null or k.last_used_at < now() - interval '1 minute');
  return query select k.key_id, k.tenant_id, k.name, k.prefix from ops.api_keys k where k.key_id = found_key;
end
$$;

-- Queues a job: its durable record and graphile-worker's job, in one transaction. A session bound to a
-- tenant queues for that tenant only, as its principal; the owner names the tenant and the requester.
-- With reuse, the same work already queued (or running on a live worker) is returned instead: a job
-- whose worker died is never handed out again.
create function ops.enqueue_job(
  p_tenant_id text,
  p_kind text,
  p_payload jsonb,
  p_queue_name text default null,
  p_max_attempts integer default 8,
  p_reuse_active boolean default false,
  p_requested_by text default 'system',
  p_live_seconds integer default 30
) returns table (job_id uuid, created boolean)
language plpgsql volatile security definer set search_path = pg_catalog, pg_temp as $$
declare
  principal record;
  requester text := p_requested_by;
  requester_key uuid;
  existing uuid;
  new_job uuid := gen_random_uuid();
begin
  select * into principal from ops.current_principal();
  if principal.tenant_id is not null then
    if p_tenant_id is distinct from principal.tenant_id then
      raise exception 'a session of tenant % cannot queue work for tenant %', principal.tenant_id, p_tenant_id
        using errcode = '42501';
    end if;
    requester := coalesce(principal.name, 'system');
    requester_key := principal.key_id;
  elsif not ops.is_owner_session() then
    raise exception 'this session has no tenant: present an API key or a job' using errcode = '42501';
  end if;
  if p_reuse_active then
    perform pg_advisory_xact_lock(hashtext('revops.job:' || p_tenant_id || ':' || p_kind));
    select j.job_id into existing from ops.jobs j
    where j.tenant_id = p_tenant_id and j.kind = p_kind and j.payload = p_payload
      and (j.status = 'queued'
           or (j.status = 'running' and (j.worker_id is null or exists (
                 select 1 from ops.worker_heartbeats h
                 where h.worker_id = j.worker_id and h.stopped_at is null
                   and h.last_seen_at > now() - make_interval(secs => p_live_seconds)))))
    order by j.created_at desc limit 1;
    if existing is not null then
      return query select existing, false;
      return;
    end if;
  end if;
  insert into ops.jobs (job_id, tenant_id, kind, payload, requested_by, requested_by_key_id)
  values (new_job, p_tenant_id, p_kind, p_payload, requester, requester_key);
  perform graphile_worker.add_job(
    p_kind,
    (p_payload || jsonb_build_object('jobId', new_job, 'tenantId', p_tenant_id))::json,
    queue_name => p_queue_name,
    max_attempts => p_max_attempts,
    job_key => 'revops:' || new_job);
  return query select new_job, true;
end
$$;

-- Work left behind by a worker process that died (killed, its machine gone): its heartbeat went quiet
-- without a clean stop. Its jobs go back to the queue (graphile-worker would wait four hours for their
-- locks to expire) and its heartbeat is closed so it is handled once. Returns the jobs requeued.
create function ops.release_dead_workers(p_stale_seconds integer default 30)
returns table (job_id uuid, tenant_id text, kind text, worker_id text)
language plpgsql volatile security definer set search_path = pg_catalog, pg_temp as $$
declare
  dead_workers text[];
  dead_queue_ids text[];
begin
  select coalesce(array_agg(h.worker_id), '{}'), coalesce(array_agg(q.id) filter (where q.id is not null), '{}')
  into dead_workers, dead_queue_ids
  from ops.worker_heartbeats h
  left join lateral unnest(h.queue_worker_ids) as q(id) on true
  where h.stopped_at is null and h.last_seen_at < now() - make_interval(secs => p_stale_seconds);
  if cardinality(dead_workers) = 0 then
    return;
  end if;
  update ops.worker_heartbeats h set stopped_at = now() where h.worker_id = any(dead_workers);
  -- Also the jobs that were being claimed when the worker died (locked, not yet marked running).
  select array_agg(distinct x) into dead_queue_ids
  from unnest(dead_queue_ids || array(
    select j.locked_by from ops.jobs j
    where j.status = 'running' and j.worker_id = any(dead_workers) and j.locked_by is not null)) as x;
  if cardinality(dead_queue_ids) > 0 and to_regproc('graphile_worker.force_unlock_workers') is not null then
    perform graphile_worker.force_unlock_workers(dead_queue_ids);
  end if;
  return query
  with orphaned as (
    select j.job_id as id, j.worker_id as was_worker from ops.jobs j
    where j.status = 'running' and j.worker_id = any(dead_workers)
    for update
  )
  update ops.jobs j
  set status = 'queued', worker_id = null, locked_by = null, updated_at = now(),
      last_error = 'the worker running it stopped without finishing; queued again'
  from orphaned o
  where j.job_id = o.id
  returning j.job_id, j.tenant_id, j.kind, o.was_worker;
end
$$;

revoke all on function ops.current_principal(), ops.current_tenant(), ops.is_owner_session(),
  ops.authenticate_api_key(text),
  ops.enqueue_job(text, text, jsonb, text, integer, boolean, text, integer),
  ops.release_dead_workers(integer) from public;
grant execute on function ops.current_principal(), ops.current_tenant(), ops.is_owner_session()
  to revops_app, revops_worker;
grant execute on function ops.authenticate_api_key(text) to revops_app;
grant execute on function ops.enqueue_job(text, text, jsonb, text, integer, boolean, text, integer)
  to revops_app, revops_worker;
grant execute on function ops.release_dead_workers(integer) to revops_worker;
