-- A cancel request for a running job: the worker holding it sees the flag at its next page
-- boundary and ends the job as cancelled (queued and retrying jobs are cancelled at once).
alter table etl.etl_jobs add column cancel_requested_at timestamptz;
