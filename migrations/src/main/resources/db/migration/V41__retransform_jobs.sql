-- The raw rows each re-transform job covers. Its message names them (raw_ids) because they
-- span extraction batches; this copy lets the job be rebuilt if its message has to be sent again.
create table etl.retransform_jobs (
    job_id   uuid primary key references etl.etl_jobs (id) on delete cascade,
    raw_ids  bigint[] not null
);
