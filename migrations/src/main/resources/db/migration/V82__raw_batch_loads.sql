-- That a raw batch was transformed is recorded once per batch, not by rewriting every raw row
-- (a second write of each multi-kilobyte JSONB row). A raw object counts as transformed when
-- its batch has a row here; the API still shows it as the object's transformed_at.
create table etl.raw_batch_loads (
    batch_id   uuid primary key,
    loaded_at  timestamptz not null default now()
);

insert into etl.raw_batch_loads (batch_id, loaded_at)
select batch_id, max(transformed_at) from etl.raw_extraction_data
 where transformed_at is not null
 group by batch_id;

drop index if exists etl.raw_transformed_age;
alter table etl.raw_extraction_data drop column transformed_at;
