package io.etlfleet.transform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecimalsTest {

    private static SourceColumn decimal(int precision, int scale) {
        return new SourceColumn("amount", "decimal", precision, scale);
    }

    @Test
    void widensToHoldTheLargerIntegerPartAndTheLargerScale() {
        assertThat(Decimals.widened("numeric(10,2)", decimal(9, 4))).contains("numeric(12,4)");
        assertThat(Decimals.widened("numeric(10,2)", decimal(14, 2))).contains("numeric(14,2)");
    }

    @Test
    void leavesAColumnThatAlreadyHoldsTheSourcesValues() {
        assertThat(Decimals.widened("numeric(10,2)", decimal(10, 2))).isEmpty();
        assertThat(Decimals.widened("numeric(10,2)", decimal(6, 1))).isEmpty();
        assertThat(Decimals.widened("numeric", decimal(40, 10))).isEmpty();
    }

    @Test
    void becomesUnconstrainedWhenTheSourceIsOrWhenThePrecisionWouldPassPostgresqlsLimit() {
        assertThat(Decimals.widened("numeric(10,2)", decimal(0, 0))).contains("numeric");
        assertThat(Decimals.widened("numeric(1000,0)", decimal(1000, 500))).contains("numeric");
    }

    @Test
    void neverRetypesAnythingButADecimal() {
        assertThat(Decimals.widened("bigint", decimal(30, 2))).isEmpty();
        assertThat(Decimals.widened("numeric(10,2)", new SourceColumn("amount", "text", 0, 0))).isEmpty();
    }
}
