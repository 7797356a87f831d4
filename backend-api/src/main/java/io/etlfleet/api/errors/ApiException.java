package io.etlfleet.api.errors;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, with the HTTP status to answer and the fields to blame.
 * {@link ApiExceptionHandler} turns it into {@code application/problem+json}; the detail is
 * shown to the caller, so it never carries credentials or keys.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final transient List<FieldProblem> problems;

    public ApiException(HttpStatus status, String detail, List<FieldProblem> problems) {
        super(detail);
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, field + ": " + message, List.of(new FieldProblem(field, message)));
    }

    public static ApiException invalid(List<FieldProblem> problems) {
        String detail = problems.stream()
                .map(problem -> problem.field() + ": " + problem.message())
                .collect(Collectors.joining("; "));
        return new ApiException(HttpStatus.BAD_REQUEST, detail, problems);
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(HttpStatus.NOT_FOUND, what + " " + id + " does not exist", List.of());
    }

    /** Not found, blaming a request field that named the missing resource. */
    public static ApiException notFound(String field, String what, Object id) {
        String message = what + " " + id + " does not exist";
        return new ApiException(HttpStatus.NOT_FOUND, message, List.of(new FieldProblem(field, message)));
    }

    public static ApiException conflict(String field, String message) {
        return new ApiException(HttpStatus.CONFLICT, message, List.of(new FieldProblem(field, message)));
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, detail, List.of());
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, detail, List.of());
    }

    public static ApiException contentTooLarge(long maxBytes) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE,
                "request body is larger than the limit of " + maxBytes + " bytes", List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
