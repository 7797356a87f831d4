package io.etlfleet.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourceUrlPolicyTest {

    private final SourceUrlPolicy policy = new SourceUrlPolicy(true);
    private final SourceUrlPolicy strict = new SourceUrlPolicy(false);

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://169.254.0.1", "http://[fe80::1]/",
            "http://[FE80::abcd]:8080/", "http://metadata.google.internal/computeMetadata/v1/", "http://metadata/",
            "http://METADATA.GOOGLE.INTERNAL./", "http://100.100.100.200/", "http://[fd00:ec2::254]/",
            "http://[::ffff:169.254.169.254]/", "http://0.0.0.0/", "http://[::]/", "http://2852039166/",
            "http://0xa9fea9fe/", "http://0251.0376.0251.0376/", "file:///etc/passwd", "ftp://example.com/",
            "gopher://example.com/", "jar:http://x!/", "//example.com", "example.com", "http:///path",
            "https://user:secret@api.github.com"})
    void refusesLinkLocalMetadataAndNonHttpUrls(String url) {
        assertThat(policy.refusal(url)).as(url).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.github.com", "https://github.example.com/api/v3", "http://127.0.0.1:8080",
            "http://localhost:9000/jira", "http://[::1]:8080/", "https://acme.atlassian.net", "http://10.0.0.5:8080",
            "https://jira.internal.example:8443/"})
    void acceptsOrdinarySourcesAndLoopbackByDefault(String url) {
        assertThat(policy.refusal(url)).as(url).isNull();
    }

    @Test
    void refusesLoopbackWhenItIsNotAllowed() {
        assertThat(strict.refusal("http://127.0.0.1:8080")).contains("loopback");
        assertThat(strict.refusal("http://localhost/")).contains("loopback");
        assertThat(strict.refusal("http://[::1]/")).contains("loopback");
        assertThat(strict.refusal("https://api.github.com")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://169.254.169.254:5432/app", "jdbc:postgresql://db.example,[fe80::1]/app",
            "jdbc:mariadb://metadata.google.internal/shop", "jdbc:mysql://address=(host=100.100.100.200)(port=3306)/shop",
            "jdbc:oracle:thin:@//169.254.0.5:1521/orcl", "jdbc:oracle:thin:@0.0.0.0:1521:ORCL",
            "jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(HOST=metadata)(PORT=1521)))", "jdbc:postgresql://2852039166/app",
            "jdbc:postgresql://[evil.example]/app", "jdbc:postgresql://db.example/app?PGHOST=169.254.169.254"})
    void refusesJdbcUrlsNamingLinkLocalOrMetadataHosts(String url) {
        assertThat(policy.jdbcRefusal(url)).as(url).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://db.example:5432/app", "jdbc:postgresql://127.0.0.1:5432/etl",
            "jdbc:postgresql:etl", "jdbc:mariadb://10.0.0.5:3306/shop", "jdbc:mysql://localhost/shop",
            "jdbc:oracle:thin:@db.example:1521/orcl", "jdbc:oracle:thin:@//[::1]:1521/orcl"})
    void acceptsJdbcUrlsToOrdinaryHostsAndLoopbackByDefault(String url) {
        assertThat(policy.jdbcRefusal(url)).as(url).isNull();
    }

    @Test
    void refusesJdbcUrlsToLoopbackWhenItIsNotAllowedIncludingTheDriversDefaultHost() {
        assertThat(strict.jdbcRefusal("jdbc:postgresql://127.0.0.1/etl")).contains("loopback");
        assertThat(strict.jdbcRefusal("jdbc:postgresql:etl")).contains("loopback");
        assertThat(strict.jdbcRefusal("jdbc:mariadb://[::1]/shop")).contains("loopback");
        assertThat(strict.jdbcRefusal("jdbc:oracle:thin:@localhost:1521:ORCL")).contains("loopback");
        assertThat(strict.jdbcRefusal("jdbc:postgresql://db.example/app")).isNull();
    }
}
