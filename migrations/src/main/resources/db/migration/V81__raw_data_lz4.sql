-- Raw objects are compressed with lz4 rather than pglz: several times faster to write and read
-- at about the same size, which matters on the raw-first hot path. Applies to values written from
-- now on. A server built without lz4 keeps pglz (the statement is skipped with a notice).
do $$
begin
    alter table etl.raw_extraction_data alter column raw_data set compression lz4;
exception when others then
    raise notice 'lz4 compression is not available (%); raw_data keeps pglz', sqlerrm;
end $$;
