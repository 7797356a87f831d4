-- Every warehouse row keeps the source's updated time of the version it came from.
-- Status transitions take the updated time of the issue version they were read from (history
-- rows never change, so the first version that carried a history is the one recorded).
alter table warehouse.jira_issue_transitions add column source_updated_at timestamptz;
update warehouse.jira_issue_transitions t
   set source_updated_at = coalesce(r.source_updated_at, t.changed_at)
  from etl.raw_extraction_data r
 where r.id = t.raw_id;
update warehouse.jira_issue_transitions set source_updated_at = changed_at where source_updated_at is null;
alter table warehouse.jira_issue_transitions alter column source_updated_at set not null;

-- Jira sends no updated time for projects and statuses: their source_updated_at is when the
-- raw version was extracted, the latest moment the source is known to have looked like that.
alter table warehouse.jira_projects add column source_updated_at timestamptz;
alter table warehouse.jira_statuses add column source_updated_at timestamptz;
update warehouse.jira_projects t set source_updated_at = r.extracted_at
  from etl.raw_extraction_data r where r.id = t.raw_id;
update warehouse.jira_statuses t set source_updated_at = r.extracted_at
  from etl.raw_extraction_data r where r.id = t.raw_id;
