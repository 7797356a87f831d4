package io.etlfleet.api.input;

import io.etlfleet.api.errors.FieldProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's error report for requests it refuses before the application sees them: a path
 * with NUL ({@code %00}) or an escape that is not UTF-8 ({@code %ED%A0%80}, an encoded
 * surrogate) answers 400 with an HTML page. Under {@code /api/} this answers the API's
 * problem+json instead, naming the path variable that holds the character when a mapped
 * endpoint has one at that place ({@link PathVariableNames}). Elsewhere it reports as Tomcat
 * does, without server details or stack traces.
 */
public class ApiPathErrorValve extends ErrorReportValve {

    private static final String TYPE_PREFIX = "urn:etl-fleet:problem:";

    private final Function<String, FieldProblem> describePath;
    private final JsonMapper json = JsonMapper.builder().build();

    /** @param describePath what is wrong with a raw request path, naming the field when one is to blame */
    public ApiPathErrorValve(Function<String, FieldProblem> describePath) {
        this.describePath = describePath;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String uri = request.getRequestURI();
        if (uri == null || !uri.startsWith("/api/")) {
            super.report(request, response, throwable);
            return;
        }
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean();
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(problem(response.getStatus(), uri)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            container.getLogger().debug("could not write the problem for a refused request", e);
        }
    }

    private Map<String, Object> problem(int status, String uri) {
        HttpStatus known = HttpStatus.resolve(status);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_PREFIX + (known == null ? String.valueOf(status) : known.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.put("title", known == null ? "Error" : known.getReasonPhrase());
        problem.put("status", status);
        FieldProblem blamed = status == 400 ? describePath.apply(uri) : null;
        if (blamed == null) {
            problem.put("detail", "the server refused the request");
        } else if (blamed.field() == null) {
            problem.put("detail", "the request path " + blamed.message());
        } else {
            problem.put("detail", blamed.field() + ": " + blamed.message());
            problem.put("field", blamed.field());
            problem.put("errors", List.of(blamed));
        }
        return problem;
    }
}
