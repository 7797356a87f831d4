package io.etlfleet.api.errors;

import java.util.ArrayList;
import java.util.List;

/** Collects what is wrong with a request so the caller learns about every field at once. */
public final class FieldErrors {

    private final List<FieldProblem> problems = new ArrayList<>();

    public FieldErrors add(String field, String message) {
        problems.add(new FieldProblem(field, message));
        return this;
    }

    /** Records {@code field} as required when {@code value} is null or blank; returns whether it was present. */
    public boolean require(String field, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            add(field, "is required");
            return false;
        }
        return true;
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** @throws ApiException 400 naming every recorded field, when there is any */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
    }
}
