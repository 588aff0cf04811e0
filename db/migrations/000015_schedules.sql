-- Schedules: the runs a tenant's tenant.yaml asks for, each scheduled minute (slot) once.
-- The job worker's tick (graphile-worker cron, every minute) queues them. A worker session has no tenant,
-- so it queues through ops.queue_scheduled_run, which records the slot and queues the job in one step:
-- two workers ticking at once record one run.

create table ops.schedule_runs (
  tenant_id text not null references ops.tenants,
  schedule text not null,
  slot timestamptz not null,                 -- the scheduled minute this run is for
  job_id uuid,
  -- queued: a new job; joined: the schedule's previous run was still queued or running (no overlap).
  outcome text not null check (outcome in ('queued', 'joined')),
  created_at timestamptz not null default now(),
  primary key (tenant_id, schedule, slot)
);
alter table ops.schedule_runs enable row level security;
create policy tenant_isolation on ops.schedule_runs using (tenant_id = (select ops.current_tenant()))
  with check (tenant_id = (select ops.current_tenant()));

-- What ops.enqueue_job does once it has decided who may queue for which tenant, so the scheduler's entry
-- point shares it. Not executable by the runtime roles: only the checked entry points call it.
create function ops.queue_job_unchecked(
  p_tenant_id text,
  p_kind text,
  p_payload jsonb,
  p_queue_name text,
  p_max_attempts integer,
  p_reuse_active boolean,
  p_requester text,
  p_requester_key uuid,
  p_live_seconds integer
) returns table (job_id uuid, created boolean)
language plpgsql volatile security definer set search_path = pg_catalog, pg_temp as $$
declare
  existing uuid;
  new_job uuid := gen_random_uuid();
begin
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
  values (new_job, p_tenant_id, p_kind, p_payload, p_requester, p_requester_key);
  perform graphile_worker.add_job(
    p_kind,
    (p_payload || jsonb_build_object('jobId', new_job, 'tenantId', p_tenant_id))::json,
    queue_name => p_queue_name,
    max_attempts => p_max_attempts,
    job_key => 'revops:' || new_job);
  return query select new_job, true;
end
$$;
revoke execute on function ops.queue_job_unchecked(text, text, jsonb, text, integer, boolean, text, uuid, integer) from public;

create or replace function ops.enqueue_job(
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
  return query select * from ops.queue_job_unchecked(p_tenant_id, p_kind, p_payload, p_queue_name,
    p_max_attempts, p_reuse_active, requester, requester_key, p_live_seconds);
end
$$;

-- The scheduler's entry point: the job worker (or the owner) records a schedule's slot and queues its run,
-- joining the schedule's previous run when that is still queued or running. A slot already recorded
-- returns what it recorded, so a second tick, or a second worker, changes nothing. A catch-up (a slot
-- before the current minute) is only made up for a schedule that has run before: a new schedule, or a
-- first start, begins with its next slot instead of firing at once for one it never knew.
create function ops.queue_scheduled_run(
  p_tenant_id text,
  p_schedule text,
  p_slot timestamptz,
  p_kind text,
  p_payload jsonb,
  p_catch_up boolean default false,
  p_live_seconds integer default 30
) returns table (job_id uuid, outcome text, recorded boolean)
language plpgsql volatile security definer set search_path = pg_catalog, pg_temp as $$
declare
  queued record;
begin
  if not (ops.is_owner_session() or pg_has_role(session_user, 'revops_worker', 'member')) then
    raise exception 'only the job worker queues scheduled runs' using errcode = '42501';
  end if;
  if not exists (select 1 from ops.tenants t where t.tenant_id = p_tenant_id) then
    raise exception 'no tenant %', p_tenant_id using errcode = '42501';
  end if;
  if p_catch_up and not exists (
    select 1 from ops.schedule_runs r where r.tenant_id = p_tenant_id and r.schedule = p_schedule) then
    return;
  end if;
  insert into ops.schedule_runs (tenant_id, schedule, slot, outcome)
  values (p_tenant_id, p_schedule, p_slot, 'queued')
  on conflict on constraint schedule_runs_pkey do nothing;
  if not found then
    return query select r.job_id, r.outcome, false from ops.schedule_runs r
      where r.tenant_id = p_tenant_id and r.schedule = p_schedule and r.slot = p_slot;
    return;
  end if;
  select * into queued from ops.queue_job_unchecked(p_tenant_id, p_kind, p_payload, null, 8, true,
    'schedule:' || p_schedule, null, p_live_seconds);
  update ops.schedule_runs r set job_id = queued.job_id, outcome = case when queued.created then 'queued' else 'joined' end
  where r.tenant_id = p_tenant_id and r.schedule = p_schedule and r.slot = p_slot;
  return query select queued.job_id, case when queued.created then 'queued' else 'joined' end, true;
end
$$;
revoke execute on function ops.queue_scheduled_run(text, text, timestamptz, text, jsonb, boolean, integer) from public;
grant execute on function ops.queue_scheduled_run(text, text, timestamptz, text, jsonb, boolean, integer) to revops_worker;
