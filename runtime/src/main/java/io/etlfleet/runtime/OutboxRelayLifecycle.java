package io.etlfleet.runtime;

import io.etlfleet.storage.outbox.OutboxRelay;
import org.springframework.context.SmartLifecycle;

/** Runs the outbox relay from after the topology is declared until the app stops. */
public class OutboxRelayLifecycle implements SmartLifecycle {

    private final OutboxRelay relay;
    private volatile boolean running;

    public OutboxRelayLifecycle(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void start() {
        relay.start();
        relay.wake();
        running = true;
    }

    @Override
    public void stop() {
        relay.close();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return TopologyDeclaration.PHASE + 1;
    }
}
