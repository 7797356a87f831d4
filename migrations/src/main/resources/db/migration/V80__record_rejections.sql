-- Source records a job could not store or map, one row each, with the reason. The rest of
-- the record's page and job went on; these rows are how nothing is dropped silently. stage is
-- where it happened: 'extract' (the raw store refused it) or 'transform' (it could not be
-- mapped to its warehouse row; raw_id names the stored object).
create table etl.record_rejections (
    id              bigint generated always as identity primary key,
    job_id          uuid not null references etl.etl_jobs (id) on delete cascade,
    tenant_id       uuid not null,
    integration_id  uuid not null,
    entity_type     text not null,
    stage           text not null check (stage in ('extract', 'transform')),
    external_id     text not null,
    raw_id          bigint,
    reason          text not null,
    rejected_at     timestamptz not null default now()
);
create index record_rejections_job on etl.record_rejections (job_id, id);
create index record_rejections_integration on etl.record_rejections (tenant_id, integration_id, rejected_at);
