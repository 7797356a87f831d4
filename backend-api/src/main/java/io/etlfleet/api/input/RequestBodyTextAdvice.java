package io.etlfleet.api.input;

import io.etlfleet.api.errors.ApiException;
import io.etlfleet.api.errors.FieldProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks every JSON request body of every endpoint for refused characters
 * ({@link RefusedCharacters}) before it is bound: the body is read as a tree, every string
 * value and field name is checked, and the first offenders answer 400 naming their JSON path.
 * A body that is not valid JSON is passed on untouched, so the binding reports it as before,
 * except for a field name Jackson refuses for an unpaired surrogate ({@link SurrogateNames}).
 */
@ControllerAdvice
public class RequestBodyTextAdvice extends RequestBodyAdviceAdapter {

    private final JsonMapper json;
    private final Map<Type, Set<String>> freeTextByType = new ConcurrentHashMap<>();

    public RequestBodyTextAdvice(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return JacksonJsonHttpMessageConverter.class.isAssignableFrom(converterType);
    }

    /**
     * @throws IOException the body could not be read, e.g. because it is larger than the limit
     * @throws ApiException 400 naming each field that holds a refused character
     */
    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] body;
        try (InputStream in = message.getBody()) {
            body = in.readAllBytes();
        }
        List<FieldProblem> problems = problems(body, targetType);
        if (problems.size() == 1 && problems.get(0).field() == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, problems.get(0).message(), List.of());
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return new BufferedMessage(message.getHeaders(), body);
    }

    private List<FieldProblem> problems(byte[] body, Type targetType) {
        JsonNode document;
        try {
            document = json.readTree(body);
        } catch (JacksonException unreadable) {
            FieldProblem surrogate = SurrogateNames.describe(unreadable);
            return surrogate == null ? List.of() : List.of(surrogate);
        }
        return JsonTextCheck.problems(document, freeTextByType.computeIfAbsent(targetType, FreeTextFields::of));
    }

    private record BufferedMessage(HttpHeaders headers, byte[] body) implements HttpInputMessage {

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }
}
