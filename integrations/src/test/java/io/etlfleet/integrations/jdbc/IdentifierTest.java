package io.etlfleet.integrations.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.integrations.spi.InvalidConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierTest {

    @Test
    void acceptsASchemaQualifiedTableAndKeepsItsCase() {
        Identifier table = Identifier.table("Sales.Order_Lines$2", "config.tables[0].name");

        assertThat(table.schema()).isEqualTo("Sales");
        assertThat(table.name()).isEqualTo("Order_Lines$2");
        assertThat(table.toString()).isEqualTo("Sales.Order_Lines$2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1orders", "orders; drop table x", "a.b.c", "\"orders\"", "or ders", "orders--", "`x`"})
    void rejectsAnythingThatIsNotAPlainIdentifierNamingTheField(String text) {
        assertThatThrownBy(() -> Identifier.table(text, "config.tables[1].name"))
                .isInstanceOfSatisfying(InvalidConfigException.class,
                        e -> assertThat(e.field()).isEqualTo("config.tables[1].name"));
    }

    @Test
    void rejectsAQualifiedColumn() {
        assertThatThrownBy(() -> Identifier.column("items.id", "config.tables[0].key[0]"))
                .isInstanceOf(InvalidConfigException.class);
    }

    @Test
    void quotesEachPartForTheDialect() {
        Identifier table = Identifier.table("shop.items", "t");

        assertThat(table.sql(JdbcDialect.forUrl("jdbc:postgresql://h/d").orElseThrow())).isEqualTo("\"shop\".\"items\"");
        assertThat(table.sql(JdbcDialect.forUrl("jdbc:mariadb://h/d").orElseThrow())).isEqualTo("`shop`.`items`");
    }

    @Test
    void doublesTheQuoteCharacterShouldOneEverGetThrough() {
        assertThat(Identifier.quote("a\"b", '"')).isEqualTo("\"a\"\"b\"");
    }
}
