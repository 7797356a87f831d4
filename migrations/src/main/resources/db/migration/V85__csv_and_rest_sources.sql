-- CSV files and generic REST APIs as sources.

alter table etl.integrations drop constraint integrations_type_check;
alter table etl.integrations add constraint integrations_type_check
    check (type in ('github', 'jira', 'jdbc', 'csv', 'rest'));

-- Files uploaded to a csv integration, kept in 1 MiB chunks so no reader or writer holds a
-- whole file. The same bytes uploaded again are the same file.
create table etl.integration_files (
    id              uuid primary key,
    tenant_id       uuid not null references etl.tenants (id),
    integration_id  uuid not null references etl.integrations (id),
    name            text not null,
    sha256          text not null,
    size_bytes      bigint not null,
    complete        boolean not null default false,
    uploaded_at     timestamptz not null default clock_timestamp(),
    unique (integration_id, sha256)
);
create index integration_files_listing on etl.integration_files (integration_id, uploaded_at, id) where complete;

create table etl.integration_file_chunks (
    file_id  uuid not null references etl.integration_files (id) on delete cascade,
    seq      integer not null,
    data     bytea not null,
    primary key (file_id, seq)
);
