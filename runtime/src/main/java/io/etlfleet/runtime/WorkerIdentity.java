package io.etlfleet.runtime;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * Who this process is in job records, dead letters and the workers table:
 * {@code <app>@<host>:<pid>:<random>}, unique even across restarts with a reused pid.
 */
public record WorkerIdentity(String id, String app, String host, long pid) {

    public static WorkerIdentity of(String app) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        long pid = ProcessHandle.current().pid();
        String id = app + "@" + host + ":" + pid + ":" + UUID.randomUUID().toString().substring(0, 6);
        return new WorkerIdentity(id, app, host, pid);
    }
}
