package io.etlfleet.storage.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FlowTypesTest {

    @Test
    void columnTypesRoundTripThroughTheirWireNames() {
        for (ColumnType type : ColumnType.values()) {
            assertThat(ColumnType.fromWire(type.wireName())).isEqualTo(type);
        }
        assertThat(ColumnType.JSONB.wireName()).isEqualTo("jsonb");
    }

    @Test
    void flowModesRoundTripThroughTheirWireNames() {
        for (FlowMode mode : FlowMode.values()) {
            assertThat(FlowMode.fromWire(mode.wireName())).isEqualTo(mode);
        }
        assertThat(FlowMode.REPLACE.wireName()).isEqualTo("replace");
    }

    @Test
    void unknownWireNamesListTheAcceptedOnes() {
        assertThatThrownBy(() -> ColumnType.fromWire("varchar")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'varchar' is not a column type (text, integer, bigint, numeric, boolean, date, timestamp, jsonb)");
        assertThatThrownBy(() -> FlowMode.fromWire("MERGE")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'MERGE' is not a flow mode (merge, append, replace)");
    }
}
