package io.etlfleet.storage.flows;

import java.util.List;
import java.util.stream.Collectors;

/** A flow definition that breaks the rules; {@link #problems()} names every field at fault. */
public class InvalidFlowException extends IllegalArgumentException {

    private final List<FieldProblem> problems;

    public InvalidFlowException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
