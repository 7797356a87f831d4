package io.etlfleet.integrations.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import okhttp3.Dns;

/**
 * Resolves source host names and refuses, before any connection is made, those that
 * resolve to link-local (169.254.0.0/16, fe80::/10), unspecified or cloud metadata
 * addresses. The API checks URLs as written; this closes the gap of a name that resolves
 * to such an address (or is changed to resolve to one later). Loopback stays allowed: local
 * sources and tests run on 127.0.0.1.
 */
public final class GuardedDns implements Dns {

    private static final Set<String> METADATA_ADDRESSES = Set.of("169.254.169.254", "100.100.100.200",
            "fd00:ec2:0:0:0:0:0:254");

    private final Dns delegate;

    public GuardedDns(Dns delegate) {
        this.delegate = delegate;
    }

    public GuardedDns() {
        this(Dns.SYSTEM);
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> addresses = delegate.lookup(hostname);
        for (InetAddress address : addresses) {
            if (refused(address)) {
                throw new UnknownHostException(hostname + " resolves to " + address.getHostAddress()
                        + ", a link-local or cloud metadata address that sources may not use");
            }
        }
        return addresses;
    }

    static boolean refused(InetAddress address) {
        return address.isLinkLocalAddress() || address.isAnyLocalAddress()
                || METADATA_ADDRESSES.contains(address.getHostAddress());
    }
}
