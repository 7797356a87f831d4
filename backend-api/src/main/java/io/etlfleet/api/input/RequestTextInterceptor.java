package io.etlfleet.api.input;

import io.etlfleet.api.errors.ApiException;
import io.etlfleet.api.errors.FieldErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Checks the query parameters and path variables of every API request for refused characters
 * ({@link RefusedCharacters}) and for escapes that are not UTF-8, before the controller runs,
 * so {@code ?status=%00} or {@code /workers/a%01b} answers 400 naming {@code status} or
 * {@code id}. The query string is decoded here strictly, as the servlet container would
 * otherwise fail on it later with a server error. Path variables are named as the other
 * errors name them, in snake_case ({@code tenant_id}). A path the container itself refuses
 * (NUL, a malformed escape) never gets here: {@link ApiPathErrorValve} answers it.
 */
public class RequestTextInterceptor implements HandlerInterceptor {

    /** @throws ApiException 400 naming every offending parameter and variable */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        FieldErrors errors = new FieldErrors();
        for (PercentDecoding.Parameter parameter : PercentDecoding.query(request.getQueryString())) {
            if (parameter.name() == null) {
                errors.add(parameter.rawName(), "has a name that " + PercentDecoding.NOT_UTF8);
                continue;
            }
            String field = RefusedCharacters.escaped(parameter.name());
            String nameProblem = RefusedCharacters.problem(parameter.name(), false);
            if (nameProblem != null) {
                errors.add(field, "has a name that " + nameProblem);
            } else if (parameter.value() == null) {
                errors.add(field, PercentDecoding.NOT_UTF8);
            } else {
                add(errors, field, RefusedCharacters.problem(parameter.value(), false));
            }
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> add(errors, FieldNames.snakeCase(String.valueOf(name)),
                    RefusedCharacters.problem(String.valueOf(value), false)));
        }
        errors.throwIfAny();
        return true;
    }

    private static void add(FieldErrors errors, String field, String problem) {
        if (problem != null) {
            errors.add(field, problem);
        }
    }
}
