-- Control tables of the fleet. RabbitMQ carries the work; etl.etl_jobs is its record.
create schema if not exists etl;
create schema if not exists warehouse;

create table etl.tenants (
    id          uuid primary key,
    name        text not null unique,
    created_at  timestamptz not null default now()
);

-- Keys are stored as SHA-256 hashes; the plain key is shown once at creation.
-- A key without a tenant is an admin key.
create table etl.api_keys (
    id          uuid primary key,
    tenant_id   uuid references etl.tenants (id),
    role        text not null check (role in ('admin', 'tenant')),
    key_hash    bytea not null unique,
    key_prefix  text not null,
    created_at  timestamptz not null default now(),
    revoked_at  timestamptz,
    check ((role = 'admin') = (tenant_id is null))
);

-- Credentials are AES-GCM ciphertext under ETL_MASTER_KEY, tagged with the key id
-- that encrypted them so the master key can be rotated.
create table etl.integrations (
    id                    uuid primary key,
    tenant_id             uuid not null references etl.tenants (id),
    type                  text not null check (type in ('github', 'jira', 'jdbc')),
    name                  text not null,
    config                jsonb not null,
    credentials           bytea not null,
    credentials_key_id    text not null,
    enabled               boolean not null default true,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    unique (tenant_id, name)
);
create index integrations_tenant on etl.integrations (tenant_id);

create table etl.schedules (
    id              uuid primary key,
    tenant_id       uuid not null references etl.tenants (id),
    integration_id  uuid not null references etl.integrations (id),
    cron            text not null,
    entities        text[] not null default '{}',
    mode            text not null default 'incremental' check (mode in ('incremental', 'full')),
    enabled         boolean not null default true,
    next_run_at     timestamptz,
    last_run_at     timestamptz,
    created_at      timestamptz not null default now()
);
create index schedules_due on etl.schedules (next_run_at) where enabled;

-- Every extract and transform job. Status changes follow the transition table in
-- io.etlfleet.storage.jobs.JobStatus; version is the optimistic lock.
create table etl.etl_jobs (
    id                uuid primary key,
    kind              text not null check (kind in ('extract', 'transform')),
    tenant_id         uuid not null references etl.tenants (id),
    integration_id    uuid not null references etl.integrations (id),
    integration_type  text not null,
    entity_type       text not null,
    mode              text check (mode in ('incremental', 'full')),
    parent_id         uuid references etl.etl_jobs (id),
    batch_id          uuid,
    status            text not null check (status in
                        ('queued', 'running', 'retrying', 'succeeded', 'failed', 'dead', 'cancelled')),
    attempts          integer not null default 0,
    counts            jsonb not null default '{}',
    checkpoint        jsonb,
    error             text,
    worker_id         text,
    heartbeat_at      timestamptz,
    version           integer not null default 0,
    created_at        timestamptz not null default now(),
    started_at        timestamptz,
    finished_at       timestamptz,
    updated_at        timestamptz not null default now()
);
create index etl_jobs_tenant_created on etl.etl_jobs (tenant_id, created_at desc);
create index etl_jobs_integration_status on etl.etl_jobs (integration_id, status, created_at desc);
create index etl_jobs_parent on etl.etl_jobs (parent_id) where parent_id is not null;
create index etl_jobs_running_heartbeat on etl.etl_jobs (heartbeat_at) where status = 'running';

-- Every complete source object, kept so transforms can be re-run without the source.
-- An unchanged object (same content hash) is stored once.
create table etl.raw_extraction_data (
    id                   bigint generated always as identity primary key,
    tenant_id            uuid not null,
    integration_id       uuid not null references etl.integrations (id),
    entity_type          text not null,
    external_id          text not null,
    raw_data             jsonb not null,
    extraction_metadata  jsonb not null,
    content_hash         bytea not null,
    source_updated_at    timestamptz,
    job_id               uuid not null,
    batch_id             uuid not null,
    extracted_at         timestamptz not null default now(),
    transformed_at       timestamptz,
    unique (integration_id, entity_type, external_id, content_hash)
);
create index raw_batch on etl.raw_extraction_data (batch_id);
create index raw_browse on etl.raw_extraction_data (tenant_id, integration_id, entity_type, extracted_at);
create index raw_object_versions on etl.raw_extraction_data (integration_id, entity_type, external_id, id desc);

-- Incremental cursor per tenant, integration, entity type and scope (repository,
-- project or table; '' when the entity has no scope).
create table etl.sync_state (
    tenant_id       uuid not null,
    integration_id  uuid not null references etl.integrations (id),
    entity_type     text not null,
    scope           text not null default '',
    cursor          jsonb not null default '{}',
    window_start    timestamptz,
    window_end      timestamptz,
    last_job_id     uuid,
    updated_at      timestamptz not null default now(),
    primary key (integration_id, entity_type, scope)
);

-- Messages to publish, written in the same transaction as the state they announce
-- and relayed to RabbitMQ after commit (transactional outbox).
create table etl.outbox (
    id            bigint generated always as identity primary key,
    exchange      text not null,
    routing_key   text not null,
    message_id    text not null,
    body          bytea not null,
    created_at    timestamptz not null default now(),
    published_at  timestamptz
);
create index outbox_unpublished on etl.outbox (id) where published_at is null;

create table etl.workers (
    id            text primary key,
    kind          text not null check (kind in ('extract', 'transform')),
    types         text[] not null,
    concurrency   jsonb not null default '{}',
    host          text not null,
    pid           bigint,
    jobs_in_hand  integer not null default 0,
    started_at    timestamptz not null default now(),
    heartbeat_at  timestamptz not null default now(),
    stopped_at    timestamptz
);
