package io.etlfleet.api.errors;

import io.etlfleet.storage.tenants.DuplicateNameException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * The one place errors become responses: every error is {@code application/problem+json}
 * with {@code type}, {@code title}, {@code status}, {@code detail}, and, when fields are to
 * blame, {@code field} (the first) and {@code errors} (all of them). Server errors answer a
 * generic problem with a correlation id and are logged with their stack trace under it.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final String TYPE_PREFIX = "urn:etl-fleet:problem:";

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> handleApi(ApiException e) {
        return problem(e.status(), e.getMessage(), e.problems());
    }

    @ExceptionHandler(DuplicateNameException.class)
    ResponseEntity<Object> handleDuplicate(DuplicateNameException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), List.of(new FieldProblem("name", "is already taken")));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception e, HttpServletRequest request) {
        String correlationId = UUID.randomUUID().toString();
        log.error("{} {} failed [correlation_id={}]", request.getMethod(), request.getRequestURI(), correlationId, e);
        ResponseEntity<Object> response = problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "the server failed to handle this request; quote correlation id " + correlationId + " when reporting it",
                List.of());
        ((ProblemDetail) response.getBody()).setProperty("correlation_id", correlationId);
        return response;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestTooLargeException tooLarge = causeOfType(e, RequestTooLargeException.class);
        if (tooLarge != null) {
            return handleApi(ApiException.contentTooLarge(tooLarge.maxBytes()));
        }
        JacksonException json = causeOfType(e, JacksonException.class);
        if (json == null) {
            return problem(HttpStatus.BAD_REQUEST, "request body is missing or unreadable", List.of());
        }
        FieldProblem problem = JsonErrors.describe(json);
        String detail = problem.field() == null ? problem.message() : problem.field() + ": " + problem.message();
        return problem(HttpStatus.BAD_REQUEST, detail, problem.field() == null ? List.of() : List.of(problem));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = e.getPropertyName() == null ? null
                : e.getPropertyName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        String message = "must be " + (e.getRequiredType() == UUID.class ? "a UUID" : "a valid value");
        return problem(HttpStatus.BAD_REQUEST, field + ": " + message, List.of(new FieldProblem(field, message)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = e.getParameterName();
        return problem(HttpStatus.BAD_REQUEST, field + ": is required", List.of(new FieldProblem(field, "is required")));
    }

    /** Gives the problems Spring MVC builds for its own exceptions (405, 415, 404, ...) our type and title. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            describe(problem, status);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ResponseEntity<Object> problem(HttpStatusCode status, String detail, List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        describe(problem, status);
        if (!problems.isEmpty()) {
            problem.setProperty("field", problems.get(0).field());
            problem.setProperty("errors", problems);
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status.value() == HttpStatus.UNAUTHORIZED.value()) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"etl-fleet\"");
        }
        return response.body(problem);
    }

    private static void describe(ProblemDetail problem, HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String slug = known == null ? String.valueOf(status.value()) : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
        problem.setType(URI.create(TYPE_PREFIX + slug));
        if (known != null) {
            problem.setTitle(known.getReasonPhrase());
        }
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
