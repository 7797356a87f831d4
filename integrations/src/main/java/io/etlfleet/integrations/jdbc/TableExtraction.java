package io.etlfleet.integrations.jdbc;

import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.Page;
import io.etlfleet.integrations.spi.PageRequestInfo;
import io.etlfleet.integrations.spi.PageSink;
import io.etlfleet.integrations.spi.SourceRecord;
import io.etlfleet.integrations.spi.SyncMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * One table, read in keyset pages: {@code select * ... where (cursor..., key...) > (last
 * row's values) order by cursor..., key... limit page_size + 1}. The extra row only tells
 * whether another page follows; one page is in memory at a time, so a table of any size
 * streams in constant memory.
 *
 * <p>Where a run starts: after the checkpoint when resuming, after the stored cursor in an
 * incremental run, at the beginning in a full run (or without a cursor). The checkpoint and
 * the cursor are both the last row's {@link Keyset}; the cursor is committed with the last
 * page, so the next incremental run reads exactly the rows that sort after it, and rows
 * sharing a cursor value are told apart by the key.
 *
 * <p>Page metadata ({@link PageRequestInfo}): endpoint = the SQL text; params {@code table},
 * {@code cursor} and {@code key} (comma-separated), {@code page_size}, and {@code columns},
 * the JSON description of the result's columns ({@link JdbcColumn#describe}), which the
 * warehouse loader types the target table from; page cursor = the position read after.
 */
final class TableExtraction {

    private static final Logger log = LoggerFactory.getLogger(TableExtraction.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient client;
    private final JdbcConfig.Table table;

    TableExtraction(JdbcClient client, JdbcConfig.Table table) {
        this.client = client;
        this.table = table;
    }

    void run(ExtractRequest request, PageSink sink) {
        Keyset position = start(request).orElse(null);
        while (true) {
            Keyset after = position;
            PageRead read = client.execute("read a page of " + table.entityType(), connection -> readPage(connection, after));
            if (read.last() != null) {
                position = read.last();
            }
            Map<String, String> cursor = position == null ? Map.of() : position.toMap();
            sink.accept(new Page(read.records(), read.info(), read.more() ? cursor : Map.of(), cursor));
            if (!read.more() || sink.stopRequested()) {
                return;
            }
        }
    }

    private Optional<Keyset> start(ExtractRequest request) {
        List<String> order = table.orderColumnNames();
        Map<String, String> stored = request.resuming() ? request.resumeFrom()
                : request.mode() == SyncMode.INCREMENTAL ? request.cursor() : Map.of();
        Optional<Keyset> start = Keyset.fromMap(stored, order);
        if (start.isEmpty() && !stored.isEmpty()) {
            log.warn("Stored position of {} was written for columns {}, now {}; reading the table from the start",
                    table.entityType(), stored.get("columns"), order);
        }
        return start;
    }

    private PageRead readPage(Connection connection, Keyset after) throws SQLException {
        JdbcConfig config = client.config();
        JdbcDialect.PageQuery query = config.dialect().pageQuery(table.name(), table.orderColumns(), after != null);
        try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
            statement.setQueryTimeout((int) config.queryTimeout().toSeconds());
            statement.setFetchSize(config.fetchSize());
            int parameter = after == null ? 1 : after.bind(statement, query, config.dialect());
            statement.setInt(parameter, config.pageSize() + 1);
            try (ResultSet rows = statement.executeQuery()) {
                RowReader reader = RowReader.of(rows, config.dialect(), table);
                List<SourceRecord> records = new ArrayList<>();
                Keyset last = null;
                boolean more = false;
                while (rows.next()) {
                    if (records.size() == config.pageSize()) {
                        more = true;
                        break;
                    }
                    RowReader.Row row = reader.read(rows);
                    records.add(row.record());
                    last = row.keyset();
                }
                return new PageRead(records, info(query, reader.columns(), after), last, more);
            }
        }
    }

    private PageRequestInfo info(JdbcDialect.PageQuery query, List<JdbcColumn> columns, Keyset after) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("table", table.entityType());
        params.put("cursor", String.join(",", table.cursor().stream().map(Identifier::name).toList()));
        params.put("key", String.join(",", table.key().stream().map(Identifier::name).toList()));
        params.put("page_size", Integer.toString(client.config().pageSize()));
        params.put("columns", JSON.writeValueAsString(JdbcColumn.describe(columns)));
        return new PageRequestInfo(query.sql(), params, after == null ? null : after.toString(), null, Map.of(),
                Instant.now());
    }

    private record PageRead(List<SourceRecord> records, PageRequestInfo info, Keyset last, boolean more) {
    }
}
