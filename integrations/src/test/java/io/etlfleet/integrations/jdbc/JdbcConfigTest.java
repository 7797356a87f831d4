package io.etlfleet.integrations.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.integrations.spi.ConnectorSettings;
import io.etlfleet.integrations.spi.InvalidConfigException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JdbcConfigTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> CREDENTIALS = Map.of("user", "etl", "password", "s3cret-pw");

    private static ConnectorSettings settings(String config, Map<String, String> credentials) {
        return new ConnectorSettings("i-1", JSON.readTree(config), credentials);
    }

    private static String field(String config) {
        try {
            JdbcConfig.from(settings(config, CREDENTIALS));
        } catch (InvalidConfigException e) {
            return e.field();
        }
        throw new AssertionError("accepted " + config);
    }

    @Test
    void readsAValidConfigWithItsDefaults() {
        JdbcConfig config = JdbcConfig.from(settings("""
                {"url":"jdbc:postgresql://db:5432/app","tables":[{"name":"sales.orders","cursor":["updated_at"],"key":["id"]}]}""",
                CREDENTIALS));

        assertThat(config.dialect().name()).isEqualTo("postgresql");
        assertThat(config.tables()).singleElement().satisfies(t -> assertThat(t.entityType()).isEqualTo("sales.orders"));
        assertThat(config.pageSize()).isEqualTo(1000);
        assertThat(config.fetchSize()).isEqualTo(500);
        assertThat(config.queryTimeout()).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void namesTheOffendingFieldDownToTheColumn() {
        assertThat(field("""
                {"url":"jdbc:postgresql://db/app","tables":[{"name":"a","cursor":["u"],"key":["id"]},
                 {"name":"b","cursor":["bad column"],"key":["id"]}]}""")).isEqualTo("config.tables[1].cursor[0]");
        assertThat(field("""
                {"url":"jdbc:postgresql://db/app","tables":[{"name":"a","cursor":["u"],"key":[]}]}""")).isEqualTo("config.tables[0].key");
        assertThat(field("""
                {"url":"jdbc:postgresql://db/app","tables":[{"name":"a","cursor":["u"],"key":["id"]},
                 {"name":"a","cursor":["u"],"key":["id"]}]}""")).isEqualTo("config.tables[1].name");
        assertThat(field("""
                {"url":"jdbc:sqlserver://db","tables":[{"name":"a","cursor":["u"],"key":["id"]}]}""")).isEqualTo("config.url");
        assertThat(field("""
                {"url":"jdbc:postgresql://db/app","tables":[{"name":"a","cursor":["u"],"key":["id"]}],"page_size":0}"""))
                .isEqualTo("config.page_size");
        assertThat(field("{\"url\":\"jdbc:postgresql://db/app\",\"tables\":[]}")).isEqualTo("config.tables");
    }

    @Test
    void refusesAPasswordInTheUrl() {
        assertThat(field("""
                {"url":"jdbc:postgresql://db/app?user=x&password=y","tables":[{"name":"a","cursor":["u"],"key":["id"]}]}"""))
                .isEqualTo("config.url");
        assertThat(field("""
                {"url":"jdbc:oracle:thin:scott/tiger@db:1521/X","tables":[{"name":"a","cursor":["u"],"key":["id"]}]}"""))
                .isEqualTo("config.url");
    }

    @Test
    void requiresAUser() {
        assertThatThrownBy(() -> JdbcConfig.from(settings("""
                {"url":"jdbc:mariadb://db/app","tables":[{"name":"a","cursor":["u"],"key":["id"]}]}""", Map.of())))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.field()).isEqualTo("credentials.user"));
    }

    @Test
    void neverShowsThePasswordOrUrlOptions() {
        JdbcConfig config = JdbcConfig.from(settings("""
                {"url":"jdbc:postgresql://db/app?sslmode=require","tables":[{"name":"a","cursor":["u"],"key":["id"]}]}""",
                CREDENTIALS));

        assertThat(config.toString()).doesNotContain("s3cret-pw").doesNotContain("sslmode").contains("jdbc:postgresql://db/app");
    }

    @Test
    void ordersByTheCursorThenTheKeyColumnsNotAlreadyInIt() {
        JdbcConfig config = JdbcConfig.from(settings("""
                {"url":"jdbc:postgresql://db/app","tables":[{"name":"a","cursor":["version","id"],"key":["id","region"]}]}""",
                CREDENTIALS));

        JdbcConfig.Table table = config.tables().get(0);
        assertThat(table.orderColumnNames()).containsExactly("version", "id", "region");
        assertThat(table.keyPositions()).containsExactly(1, 2);
    }
}
