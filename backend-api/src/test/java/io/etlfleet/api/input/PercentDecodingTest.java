package io.etlfleet.api.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentDecodingTest {

    @Test
    void decodesEscapesAsUtf8() {
        assertThat(PercentDecoding.decode("a%00b", true)).isEqualTo("a\u0000b");
        assertThat(PercentDecoding.decode("%C2%9B", true)).isEqualTo("\u009b");
        assertThat(PercentDecoding.decode("caf%C3%A9+au+lait", true)).isEqualTo("café au lait");
        assertThat(PercentDecoding.decode("a+b", false)).isEqualTo("a+b");
    }

    @Test
    void reportsMalformedEscapesAndBytesInsteadOfReplacingThem() {
        assertThat(PercentDecoding.decode("%ED%A0%80", true)).as("UTF-8-encoded surrogate").isNull();
        assertThat(PercentDecoding.decode("%C3", true)).as("truncated sequence").isNull();
        assertThat(PercentDecoding.decode("%FF", true)).isNull();
        assertThat(PercentDecoding.decode("%zz", true)).isNull();
        assertThat(PercentDecoding.decode("abc%4", true)).isNull();
    }

    @Test
    void splitsAQueryStringIntoDecodedPairs() {
        assertThat(PercentDecoding.query("status=%00&limit=5&flag&&x=%ED%A0%80")).containsExactly(
                new PercentDecoding.Parameter("status", "status", "\u0000"),
                new PercentDecoding.Parameter("limit", "limit", "5"),
                new PercentDecoding.Parameter("flag", "flag", ""),
                new PercentDecoding.Parameter("x", "x", null));
        assertThat(PercentDecoding.query(null)).isEmpty();
    }

    @Test
    void decodesPathSegmentsWithoutTheirParameters() {
        assertThat(PercentDecoding.pathSegments("/api/v1/jobs/a%01b;jsessionid=1/%ED%A0%80"))
                .containsExactly("", "api", "v1", "jobs", "a\u0001b", null);
    }
}
