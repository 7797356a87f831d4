package io.etlfleet.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardedDnsTest {

    @Test
    void refusesANameThatResolvesToTheMetadataService() {
        GuardedDns dns = new GuardedDns(host -> List.of(InetAddress.getByName("169.254.169.254")));

        assertThatThrownBy(() -> dns.lookup("innocent.example.com"))
                .isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("innocent.example.com").hasMessageContaining("169.254.169.254");
    }

    @Test
    void refusesLinkLocalAndUnspecifiedAddressesAmongSeveral() throws Exception {
        GuardedDns dns = new GuardedDns(host -> List.of(InetAddress.getByName("93.184.216.34"),
                InetAddress.getByName("fe80::1")));

        assertThatThrownBy(() -> dns.lookup("mixed.example.com")).isInstanceOf(UnknownHostException.class);
        assertThat(GuardedDns.refused(InetAddress.getByName("0.0.0.0"))).isTrue();
    }

    @Test
    void passesOrdinaryAndLoopbackAddressesThrough() throws Exception {
        List<InetAddress> resolved = List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("10.1.2.3"));
        GuardedDns dns = new GuardedDns(host -> resolved);

        assertThat(dns.lookup("local.example.com")).isEqualTo(resolved);
    }
}
