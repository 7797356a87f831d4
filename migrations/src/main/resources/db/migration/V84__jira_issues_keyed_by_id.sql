-- A Jira issue moved to another project keeps its id and gets a new key (OPS-12 becomes
-- WEB-40). Its warehouse rows are therefore keyed by the issue's id: one row per issue, whose
-- key and project follow its newest version, and transitions keyed by their changelog history
-- id (unique in a Jira instance), whose issue_key follows the issue's newest version.

-- Rows a move has already doubled: keep each issue's newest version.
delete from warehouse.jira_issues t
 using warehouse.jira_issues n
 where n.integration_id = t.integration_id and n.jira_id = t.jira_id
   and (t.source_updated_at, t.raw_id) < (n.source_updated_at, n.raw_id);
alter table warehouse.jira_issues drop constraint jira_issues_pkey;
alter table warehouse.jira_issues add primary key (integration_id, jira_id);
create index jira_issues_key on warehouse.jira_issues (integration_id, issue_key);

delete from warehouse.jira_issue_transitions t
 using warehouse.jira_issue_transitions n
 where n.integration_id = t.integration_id and n.history_id = t.history_id
   and (t.source_updated_at, t.raw_id) < (n.source_updated_at, n.raw_id);
alter table warehouse.jira_issue_transitions drop constraint jira_issue_transitions_pkey;
alter table warehouse.jira_issue_transitions add primary key (integration_id, history_id);
create index jira_issue_transitions_issue on warehouse.jira_issue_transitions (integration_id, issue_key);
