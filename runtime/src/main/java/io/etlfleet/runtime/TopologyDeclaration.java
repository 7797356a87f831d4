package io.etlfleet.runtime;

import io.etlfleet.queue.topology.Topology;
import org.springframework.context.SmartLifecycle;

/** Declares the queue topology when the app starts, before any consumer or publisher runs. */
public class TopologyDeclaration implements SmartLifecycle {

    /** Consumers start in a later phase. */
    public static final int PHASE = Integer.MIN_VALUE + 1000;

    private final Topology topology;
    private volatile boolean declared;

    public TopologyDeclaration(Topology topology) {
        this.topology = topology;
    }

    @Override
    public void start() {
        topology.declare();
        declared = true;
    }

    @Override
    public void stop() {
        declared = false;
    }

    @Override
    public boolean isRunning() {
        return declared;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
