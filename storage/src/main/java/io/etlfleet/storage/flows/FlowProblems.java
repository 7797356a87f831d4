package io.etlfleet.storage.flows;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of a flow definition while it is read. Not thread-safe. */
public final class FlowProblems {

    private final List<FieldProblem> problems = new ArrayList<>();

    public void add(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    int size() {
        return problems.size();
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** The problems in the order they were found. */
    public List<FieldProblem> list() {
        return List.copyOf(problems);
    }
}
