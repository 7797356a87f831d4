-- GitHub pull requests, commits, issue comments and repositories. Every row is only replaced
-- by a strictly newer source version (source_updated_at, raw_id), so replays change nothing.
-- repository is owner/name as the object's own API URL spells it.

-- Pull requests from GET /repos/{owner}/{repo}/pulls. Natural key: integration, repository, number.
create table warehouse.github_pull_requests (
    tenant_id          uuid not null,
    integration_id     uuid not null,
    repository         text not null,
    number             integer not null,
    github_id          bigint not null,
    title              text not null,
    state              text not null,
    draft              boolean not null default false,
    body               text,
    author_login       text,
    base_ref           text,
    head_ref           text,
    head_sha           text,
    head_repository    text,
    merge_commit_sha   text,
    labels             text[] not null default '{}',
    assignees          text[] not null default '{}',
    requested_reviewers text[] not null default '{}',
    created_at         timestamptz not null,
    closed_at          timestamptz,
    merged_at          timestamptz,
    source_updated_at  timestamptz not null,
    raw_id             bigint not null,
    loaded_at          timestamptz not null default now(),
    primary key (integration_id, repository, number)
);
create index github_pull_requests_tenant on warehouse.github_pull_requests (tenant_id, integration_id);

-- Commits from GET /repos/{owner}/{repo}/commits. Natural key: integration, repository, sha.
-- A commit never changes; source_updated_at is its committer date.
create table warehouse.github_commits (
    tenant_id          uuid not null,
    integration_id     uuid not null,
    repository         text not null,
    sha                text not null,
    message            text not null,
    author_name        text,
    author_email       text,
    author_date        timestamptz,
    author_login       text,
    committer_name     text,
    committer_email    text,
    committer_date     timestamptz not null,
    committer_login    text,
    parent_shas        text[] not null default '{}',
    verified           boolean,
    source_updated_at  timestamptz not null,
    raw_id             bigint not null,
    loaded_at          timestamptz not null default now(),
    primary key (integration_id, repository, sha)
);
create index github_commits_tenant on warehouse.github_commits (tenant_id, integration_id);
create index github_commits_date on warehouse.github_commits (integration_id, repository, committer_date);

-- Issue (and pull request conversation) comments from GET /repos/{owner}/{repo}/issues/comments.
-- Natural key: integration, comment id (unique on a GitHub instance).
create table warehouse.github_issue_comments (
    tenant_id          uuid not null,
    integration_id     uuid not null,
    comment_id         bigint not null,
    repository         text not null,
    issue_number       integer not null,
    author_login       text,
    author_association text,
    body               text,
    created_at         timestamptz not null,
    source_updated_at  timestamptz not null,
    raw_id             bigint not null,
    loaded_at          timestamptz not null default now(),
    primary key (integration_id, comment_id)
);
create index github_issue_comments_tenant on warehouse.github_issue_comments (tenant_id, integration_id);
create index github_issue_comments_issue on warehouse.github_issue_comments (integration_id, repository, issue_number);

-- Repositories from GET /orgs/{org}/repos, /users/{user}/repos or /repos/{owner}/{repo}.
-- Natural key: integration, GitHub's repository id (stable across renames and transfers).
create table warehouse.github_repositories (
    tenant_id          uuid not null,
    integration_id     uuid not null,
    github_id          bigint not null,
    full_name          text not null,
    owner_login        text not null,
    name               text not null,
    private            boolean not null,
    visibility         text,
    description        text,
    fork               boolean not null default false,
    archived           boolean not null default false,
    default_branch     text,
    language           text,
    topics             text[] not null default '{}',
    stargazers_count   integer,
    forks_count        integer,
    open_issues_count  integer,
    created_at         timestamptz,
    pushed_at          timestamptz,
    source_updated_at  timestamptz not null,
    raw_id             bigint not null,
    loaded_at          timestamptz not null default now(),
    primary key (integration_id, github_id)
);
create index github_repositories_tenant on warehouse.github_repositories (tenant_id, integration_id);
create index github_repositories_name on warehouse.github_repositories (integration_id, full_name);
