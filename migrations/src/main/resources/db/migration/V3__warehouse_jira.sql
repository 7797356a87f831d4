-- Jira issues. Natural key: integration, issue key. A row is only replaced by a strictly
-- newer source version (source_updated_at, raw_id). description is plain text (Cloud's
-- Atlassian Document Format flattened; Data Center's text as sent).
create table warehouse.jira_issues (
    tenant_id          uuid not null,
    integration_id     uuid not null,
    issue_key          text not null,
    jira_id            bigint not null,
    project_key        text not null,
    summary            text not null,
    status             text not null,
    issue_type         text,
    assignee           text,
    reporter           text,
    priority           text,
    labels             text[] not null default '{}',
    description        text,
    created_at         timestamptz not null,
    source_updated_at  timestamptz not null,
    raw_id             bigint not null,
    loaded_at          timestamptz not null default now(),
    primary key (integration_id, issue_key)
);
create index jira_issues_tenant on warehouse.jira_issues (tenant_id, integration_id);
create index jira_issues_project on warehouse.jira_issues (tenant_id, project_key, source_updated_at);

-- Status changes from each issue's changelog; a history never changes once written, so
-- rows are only inserted (a replayed or older raw version adds nothing).
create table warehouse.jira_issue_transitions (
    tenant_id       uuid not null,
    integration_id  uuid not null,
    issue_key       text not null,
    history_id      bigint not null,
    from_status     text,
    to_status       text not null,
    changed_at      timestamptz not null,
    author          text,
    raw_id          bigint not null,
    loaded_at       timestamptz not null default now(),
    primary key (integration_id, issue_key, history_id)
);
create index jira_issue_transitions_tenant on warehouse.jira_issue_transitions (tenant_id, integration_id, changed_at);

-- Projects and statuses carry no source timestamp: the later raw row wins.
create table warehouse.jira_projects (
    tenant_id       uuid not null,
    integration_id  uuid not null,
    project_key     text not null,
    jira_id         bigint not null,
    name            text not null,
    project_type    text,
    lead            text,
    raw_id          bigint not null,
    loaded_at       timestamptz not null default now(),
    primary key (integration_id, project_key)
);
create index jira_projects_tenant on warehouse.jira_projects (tenant_id, integration_id);

create table warehouse.jira_statuses (
    tenant_id       uuid not null,
    integration_id  uuid not null,
    status_id       text not null,
    name            text not null,
    category_key    text,
    category_name   text,
    raw_id          bigint not null,
    loaded_at       timestamptz not null default now(),
    primary key (integration_id, status_id)
);
create index jira_statuses_tenant on warehouse.jira_statuses (tenant_id, integration_id);
