package io.etlfleet.integrations.csv;

import io.etlfleet.integrations.contract.ConnectorContractTest;
import io.etlfleet.integrations.spi.Connector;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.node.ObjectNode;

/**
 * The connector contract for uploaded files keyed by {@code id}: a change is a new upload
 * holding the changed rows, and a transient failure is a file that fails to open. Uploads
 * carry no credentials, so bad credentials are a download the server answers with 401.
 */
class CsvConnectorContractTest extends ConnectorContractTest {

    private static final int PAGE_SIZE = 10;

    private final MockWebServer refusing = new MockWebServer();
    private InMemoryUploadedFiles files = new InMemoryUploadedFiles();
    private final Set<String> ids = new LinkedHashSet<>();
    private int changes;

    @BeforeEach
    void start() throws IOException {
        refusing.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(401).body("{\"error\":\"signature expired\"}").build();
            }
        });
        refusing.start();
    }

    @AfterEach
    void stop() {
        refusing.close();
    }

    @Override
    protected int pageSize() {
        return PAGE_SIZE;
    }

    @Override
    protected String entityType() {
        return "rows";
    }

    @Override
    protected String scope() {
        return "";
    }

    @Override
    protected void givenRecords(int count) {
        files = new InMemoryUploadedFiles();
        ids.clear();
        StringBuilder text = new StringBuilder("id,total\n");
        for (int i = 1; i <= count; i++) {
            text.append(i).append(',').append(i * 10).append('\n');
            ids.add(Integer.toString(i));
        }
        files.upload(CsvFixtures.INTEGRATION, "data.csv", text.toString());
    }

    @Override
    protected Set<String> changeRecords(int count) {
        changes++;
        List<String> changed = ids.stream().skip(changes).limit(count).toList();
        StringBuilder text = new StringBuilder("id,total\n");
        changed.forEach(id -> text.append(id).append(",changed ").append(changes).append('\n'));
        files.upload(CsvFixtures.INTEGRATION, "changes-" + changes + ".csv", text.toString());
        return Set.copyOf(changed);
    }

    @Override
    protected Set<String> expectedExternalIds() {
        return Set.copyOf(ids);
    }

    @Override
    protected void failNextRequests(int requests) {
        files.failNextOpens(requests);
    }

    @Override
    protected Connector connector() {
        return CsvFixtures.connector(keyed(), CsvFixtures.services(files));
    }

    @Override
    protected Connector connectorWithBadCredentials() {
        return CsvFixtures.connector(keyed().put("url", refusing.url("/orders.csv").toString()),
                CsvFixtures.services(files));
    }

    private static ObjectNode keyed() {
        ObjectNode config = CsvFixtures.config().put("page_size", PAGE_SIZE);
        config.putArray("key").add("id");
        return config;
    }
}
