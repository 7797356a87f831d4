package io.etlfleet.storage.tenants;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Reads and writes {@code etl.tenants}. Methods taking a {@link Handle} join the caller's transaction. */
public class TenantStore {

    private static final RowMapper<Tenant> MAPPER = (rs, ctx) -> new Tenant(
            rs.getObject("id", UUID.class),
            rs.getString("name"),
            rs.getObject("created_at", Timestamp.class).toInstant());

    private final Jdbi jdbi;

    public TenantStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** @throws DuplicateNameException when another tenant has this name */
    public Tenant create(String name) {
        return jdbi.inTransaction(h -> create(h, name));
    }

    /** @throws DuplicateNameException when another tenant has this name */
    public Tenant create(Handle handle, String name) {
        return handle.createQuery("""
                        insert into etl.tenants (id, name) values (:id, :name)
                        on conflict (name) do nothing
                        returning id, name, created_at""")
                .bind("id", UUID.randomUUID())
                .bind("name", name)
                .map(MAPPER)
                .findOne()
                .orElseThrow(() -> new DuplicateNameException("a tenant named '" + name + "' already exists"));
    }

    public Optional<Tenant> find(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("select id, name, created_at from etl.tenants where id = :id")
                .bind("id", id)
                .map(MAPPER)
                .findOne());
    }

    /** All tenants, oldest first. */
    public List<Tenant> list() {
        return jdbi.withHandle(h -> h.createQuery("select id, name, created_at from etl.tenants order by created_at, id")
                .map(MAPPER)
                .list());
    }
}
