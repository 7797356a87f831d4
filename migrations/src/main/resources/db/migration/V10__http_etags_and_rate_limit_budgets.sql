-- Response validators of source requests already stored, per integration and request URL:
-- connectors send them as If-None-Match, and a 304 stores nothing new.
create table etl.http_etags (
    integration_id uuid        not null references etl.integrations (id) on delete cascade,
    url            text        not null,
    etag           text        not null,
    facts          jsonb       not null default '{}'::jsonb,
    updated_at     timestamptz not null default now(),
    primary key (integration_id, url)
);

-- The request budget a source grants one credential, shared by every worker using it.
-- credential_fingerprint is the hex SHA-256 of the credential, never the credential.
create table etl.rate_limit_budgets (
    credential_fingerprint text        not null,
    resource               text        not null,
    limit_total            bigint      not null,
    remaining              bigint      not null,
    used                   bigint      not null,
    reset_at               timestamptz not null,
    blocked_until          timestamptz,
    updated_at             timestamptz not null default now(),
    primary key (credential_fingerprint, resource)
);

-- Which credential (fingerprint) an integration's requests drew on last, so the API can show
-- an integration its budgets without decrypting credentials.
create table etl.rate_limit_users (
    integration_id         uuid        primary key references etl.integrations (id) on delete cascade,
    credential_fingerprint text        not null,
    updated_at             timestamptz not null default now()
);
create index rate_limit_users_fingerprint on etl.rate_limit_users (credential_fingerprint);
