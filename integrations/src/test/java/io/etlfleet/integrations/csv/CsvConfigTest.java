package io.etlfleet.integrations.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.integrations.spi.ConnectorServices;
import io.etlfleet.integrations.spi.ConnectorSettings;
import io.etlfleet.integrations.spi.EtagStore;
import io.etlfleet.integrations.spi.InvalidConfigException;
import io.etlfleet.integrations.spi.RateLimitBudgets;
import io.etlfleet.integrations.spi.UploadedFiles;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

class CsvConfigTest {

    @Test
    void defaultsToUploadedCommaSeparatedUtf8FilesWithAHeader() {
        CsvConfig config = CsvConfig.from(CsvFixtures.settings(CsvFixtures.config()));

        assertThat(config.downloads()).isFalse();
        assertThat(config.delimiter()).isEqualTo(',');
        assertThat(config.quote()).isEqualTo('"');
        assertThat(config.header()).isTrue();
        assertThat(config.encoding()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(config.key()).isEmpty();
        assertThat(config.entity()).isEqualTo("rows");
        assertThat(config.pageSize()).isEqualTo(1000);
        assertThat(config.maxBytes()).isEqualTo(1L << 30);
    }

    @Test
    void readsEveryOption() {
        ObjectNode json = CsvFixtures.config().put("url", "https://files.example.com/exports/orders.csv?sig=abc")
                .put("max_bytes", 2048).put("delimiter", ";").put("quote", "'").put("header", false)
                .put("encoding", "ISO-8859-1").put("entity", "orders").put("page_size", 10_000);
        json.putArray("key").add("c1").add("c2");

        CsvConfig config = CsvConfig.from(CsvFixtures.settings(json));

        assertThat(config.url().toString()).isEqualTo("https://files.example.com/exports/orders.csv?sig=abc");
        assertThat(config).extracting(CsvConfig::maxBytes, CsvConfig::delimiter, CsvConfig::quote, CsvConfig::header,
                CsvConfig::entity, CsvConfig::pageSize).containsExactly(2048L, ';', '\'', false, "orders", 10_000);
        assertThat(config.encoding()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(config.key()).containsExactly("c1", "c2");
        assertThat(config.toString()).doesNotContain("sig=abc");
    }

    @Test
    void namesEachInvalidField() {
        assertField(CsvFixtures.config().put("delimiter", ";;"), "config.delimiter");
        assertField(CsvFixtures.config().put("delimiter", ""), "config.delimiter");
        assertField(CsvFixtures.config().put("delimiter", "\n"), "config.delimiter");
        assertField(CsvFixtures.config().put("delimiter", 1), "config.delimiter");
        assertField(CsvFixtures.config().put("quote", "\"\""), "config.quote");
        assertField(CsvFixtures.config().put("quote", ","), "config.quote");
        assertField(CsvFixtures.config().put("header", "yes"), "config.header");
        assertField(CsvFixtures.config().put("encoding", "no-such-charset"), "config.encoding");
        assertField(CsvFixtures.config().put("encoding", "bad name!"), "config.encoding");
        assertField(CsvFixtures.config().put("entity", "Rows"), "config.entity");
        assertField(CsvFixtures.config().put("entity", "1rows"), "config.entity");
        assertField(CsvFixtures.config().put("entity", "r".repeat(64)), "config.entity");
        assertField(CsvFixtures.config().put("page_size", 0), "config.page_size");
        assertField(CsvFixtures.config().put("page_size", 10_001), "config.page_size");
        assertField(CsvFixtures.config().put("page_size", 1.5), "config.page_size");
        assertField(CsvFixtures.config().put("max_bytes", 0), "config.max_bytes");
        assertField(CsvFixtures.config().put("max_bytes", "1GB"), "config.max_bytes");
        assertField(CsvFixtures.config().put("url", "not a url"), "config.url");
        assertField(CsvFixtures.config().put("url", 42), "config.url");
        assertField(CsvFixtures.config().put("key", "id"), "config.key");
        assertField(withKey("id", ""), "config.key[1]");
        assertField(withKey("id", "id"), "config.key[1]");
        ObjectNode numericKey = CsvFixtures.config();
        numericKey.putArray("key").add("id").add(7);
        assertField(numericKey, "config.key[1]");
        assertThatThrownBy(() -> CsvConfig.from(new ConnectorSettings(CsvFixtures.INTEGRATION,
                CsvFixtures.JSON.createArrayNode(), Map.of()))).isInstanceOfSatisfying(InvalidConfigException.class,
                        e -> assertThat(e.field()).isEqualTo("config"));
    }

    @Test
    void acceptsTheLongestEntityNameAndTheSmallestPage() {
        ObjectNode json = CsvFixtures.config().put("entity", "r".repeat(63)).put("page_size", 1);

        assertThat(CsvConfig.from(CsvFixtures.settings(json)).entity()).hasSize(63);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://files.example.com/orders.csv", "ftp://files.example.com/orders.csv",
            "https://169.254.169.254/latest/meta-data", "https://[fe80::1]/orders.csv", "https://0.0.0.0/orders.csv",
            "https://[::ffff:169.254.169.254]/orders.csv", "https://100.100.100.200/orders.csv",
            "https://user:secret@files.example.com/orders.csv", "https://2852039166/orders.csv",
            "https://0x7f.0.0.1/orders.csv", "http://10.1.2.3/orders.csv"})
    void refusesAUrlOffPolicy(String url) {
        assertField(CsvFixtures.config().put("url", url), "config.url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://files.example.com/orders.csv", "https://203.0.113.7/orders.csv",
            "http://localhost:8080/orders.csv", "http://127.0.0.1:8080/orders.csv", "http://[::1]/orders.csv",
            "https://cafe.be/orders.csv"})
    void acceptsHttpsUrlsAndPlainHttpToThisMachine(String url) {
        assertThat(CsvConfig.from(CsvFixtures.settings(CsvFixtures.config().put("url", url))).downloads()).isTrue();
    }

    @Test
    void validateNeitherOpensFilesNorCallsTheUrl() {
        UploadedFiles untouchable = new UploadedFiles() {
            @Override
            public List<StoredFile> list(String integrationId) {
                throw new AssertionError("validate listed files");
            }

            @Override
            public InputStream open(String integrationId, String fileId) {
                throw new AssertionError("validate opened a file");
            }
        };
        CsvConnectorFactory factory = new CsvConnectorFactory(CsvFixtures.HTTP, CsvFixtures.FAST,
                new ConnectorServices(RateLimitBudgets.inMemory(), EtagStore.inMemory(), untouchable));

        factory.validate(CsvFixtures.settings(CsvFixtures.config()));
        // A name that does not resolve: validate passes because it never looks it up.
        factory.validate(CsvFixtures.settings(CsvFixtures.config().put("url", "https://no-such-host.invalid/a.csv")));
        assertThatThrownBy(() -> factory.validate(CsvFixtures.settings(CsvFixtures.config().put("page_size", -1))))
                .isInstanceOfSatisfying(InvalidConfigException.class,
                        e -> assertThat(e.field()).isEqualTo("config.page_size"));
    }

    private static ObjectNode withKey(String... columns) {
        ObjectNode config = CsvFixtures.config();
        for (String column : columns) {
            config.withArray("key").add(column);
        }
        return config;
    }

    private static void assertField(ObjectNode config, String field) {
        assertThatThrownBy(() -> CsvConfig.from(CsvFixtures.settings(config)))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
