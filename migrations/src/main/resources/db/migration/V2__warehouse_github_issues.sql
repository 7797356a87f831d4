-- GitHub issues (pull requests excluded). Natural key: integration, repository, number.
-- A row is only replaced by a strictly newer source version (source_updated_at, raw_id).
create table warehouse.github_issues (
    tenant_id          uuid not null,
    integration_id     uuid not null,
    repository         text not null,
    number             integer not null,
    github_id          bigint not null,
    title              text not null,
    state              text not null,
    body               text,
    author_login       text,
    labels             text[] not null default '{}',
    assignees          text[] not null default '{}',
    comments           integer not null default 0,
    created_at         timestamptz not null,
    closed_at          timestamptz,
    source_updated_at  timestamptz not null,
    raw_id             bigint not null,
    loaded_at          timestamptz not null default now(),
    primary key (integration_id, repository, number)
);
create index github_issues_tenant on warehouse.github_issues (tenant_id, integration_id);
