package io.etlfleet.integrations.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JdbcDialectTest {

    private final List<Identifier> order = List.of(Identifier.column("updated_at", "c"), Identifier.column("id", "c"));

    @Test
    void choosesTheDialectFromTheUrlPrefix() {
        assertThat(JdbcDialect.forUrl("jdbc:postgresql://db/app")).get().extracting(JdbcDialect::name).isEqualTo("postgresql");
        assertThat(JdbcDialect.forUrl("jdbc:mariadb://db/app")).get().extracting(JdbcDialect::name).isEqualTo("mariadb");
        assertThat(JdbcDialect.forUrl("jdbc:mysql://db/app")).get().extracting(JdbcDialect::name).isEqualTo("mariadb");
        assertThat(JdbcDialect.forUrl("jdbc:oracle:thin:@db:1521/X")).get().extracting(JdbcDialect::name).isEqualTo("oracle");
        assertThat(JdbcDialect.forUrl("jdbc:sqlserver://db")).isEmpty();
    }

    @Test
    void postgresqlComparesRowValuesAndLimits() {
        JdbcDialect postgres = JdbcDialect.forUrl("jdbc:postgresql://db/app").orElseThrow();

        assertThat(postgres.pageQuery(Identifier.table("shop.items", "t"), order, true).sql()).isEqualTo(
                "select * from \"shop\".\"items\" where (\"updated_at\", \"id\") > (?, ?) and \"updated_at\" is not null"
                        + " and \"id\" is not null order by \"updated_at\", \"id\" limit ?");
    }

    @Test
    void mariadbQuotesWithBackticksAndOpensMysqlUrlsWithItsOwnDriver() {
        JdbcDialect mariadb = JdbcDialect.forUrl("jdbc:mysql://db/app").orElseThrow();

        assertThat(mariadb.pageQuery(Identifier.table("items", "t"), order, true).sql()).isEqualTo(
                "select * from `items` where (`updated_at`, `id`) > (?, ?) and `updated_at` is not null"
                        + " and `id` is not null order by `updated_at`, `id` limit ?");
        assertThat(mariadb.driverUrl("jdbc:mysql://db:3306/app")).isEqualTo("jdbc:mariadb://db:3306/app");
    }
}
