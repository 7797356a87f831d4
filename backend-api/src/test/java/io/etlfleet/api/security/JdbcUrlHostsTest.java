package io.etlfleet.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcUrlHostsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:postgresql://db.example:5432/app|db.example",
            "jdbc:postgresql://db.example/app?sslmode=require|db.example",
            "jdbc:postgresql://[::1]:5432/app|[::1]",
            "jdbc:postgresql:app|localhost",
            "jdbc:postgresql:///app|localhost",
            "jdbc:mariadb://10.0.0.5:3306/shop|10.0.0.5",
            "jdbc:mysql://shop.example/shop?useSSL=true&disableSslHostnameVerification=true|shop.example",
            "jdbc:mariadb://address=(host=db.example)(port=3306)(type=primary)/shop|db.example",
            "jdbc:mysql://(host=db.example,port=3306)/shop|db.example",
            "jdbc:oracle:thin:@db.example:1521:ORCL|db.example",
            "jdbc:oracle:thin:@db.example:1521/orcl.example|db.example",
            "jdbc:oracle:thin:@//db.example:1521/orcl|db.example",
            "jdbc:oracle:thin:@tcps://db.example:2484/orcl|db.example",
            "jdbc:oracle:thin:@[::1]:1521/orcl|[::1]",
            "jdbc:oracle:thin:scott@db.example:1521/orcl|db.example"})
    void readsTheOneHostOfEachDriversUrlForms(String url, String host) {
        assertThat(JdbcUrlHosts.of(url)).containsExactly(host);
    }

    @Test
    void readsEveryHostOfAMultiHostUrl() {
        assertThat(JdbcUrlHosts.of("jdbc:postgresql://a.example:5432,b.example,[fe80::1]:5433/app?targetServerType=primary"))
                .containsExactly("a.example", "b.example", "[fe80::1]");
        assertThat(JdbcUrlHosts.of("jdbc:mariadb:replication://primary.example,address=(host=169.254.169.254)(port=3306)/shop"))
                .containsExactly("primary.example", "169.254.169.254");
        assertThat(JdbcUrlHosts.of("jdbc:mysql:loadbalance://a.example:3306,b.example:3306/shop"))
                .containsExactly("a.example", "b.example");
    }

    @Test
    void readsEveryHostOfAnOracleConnectDescriptor() {
        assertThat(JdbcUrlHosts.of("jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS_LIST=(ADDRESS=(PROTOCOL=TCP)(HOST=a.example)"
                + "(PORT=1521))(ADDRESS=(PROTOCOL=TCP)(HOST = 169.254.169.254)(PORT=1521)))(CONNECT_DATA=(SERVICE_NAME=orcl)))"))
                .isEqualTo(List.of("a.example", "169.254.169.254"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://db.example/app?PGHOST=169.254.169.254",
            "jdbc:postgresql:app?host=169.254.169.254", "jdbc:mysql://db.example/shop?user=a&hostname=169.254.169.254",
            "jdbc:oracle:thin:@(DESCRIPTION=(CONNECT_DATA=(SERVICE_NAME=orcl)))", "jdbc:oracle:thin:",
            "jdbc:h2:mem:test", "jdbc:sqlserver://db.example;databaseName=x", "jdbc:mariadb:shop",
            "jdbc:postgresql://[::1/app"})
    void refusesUrlsWhoseHostsItCannotRead(String url) {
        assertThatThrownBy(() -> JdbcUrlHosts.of(url)).as(url).isInstanceOf(IllegalArgumentException.class);
    }
}
