package io.etlfleet.api.input;

import io.etlfleet.api.errors.FieldProblem;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;

/**
 * Jackson refuses an unpaired surrogate escape in a field name ({@code {"a\ud800":1}}) while
 * parsing, so {@link JsonTextCheck} never sees it: this turns that refusal into the field
 * error, blaming the object that holds the name ({@code credentials}), since the name itself
 * could not be read.
 */
final class SurrogateNames {

    static final String MESSAGE = "has a field name with an unpaired UTF-16 surrogate";

    private SurrogateNames() {
    }

    /** The problem, or null when {@code e} is about something else. */
    static FieldProblem describe(JacksonException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().toLowerCase(Locale.ROOT);
        if (!(e instanceof StreamReadException read) || !message.contains("surrogate") || !message.contains("property name")) {
            return null;
        }
        JsonParser parser = read.processor();
        String container = parser == null ? "" : path(parser.streamReadContext());
        return container.isEmpty() ? new FieldProblem(null, "a field name must not hold an unpaired UTF-16 surrogate")
                : new FieldProblem(container, MESSAGE);
    }

    /** The path of the object being read, in the API's form: {@code config.tables[0]}. */
    private static String path(TokenStreamContext innermost) {
        Deque<String> segments = new ArrayDeque<>();
        for (TokenStreamContext context = innermost.getParent(); context != null && !context.inRoot();
                context = context.getParent()) {
            if (context.inArray()) {
                segments.push("[" + context.getCurrentIndex() + "]");
            } else if (context.currentName() != null) {
                segments.push("." + RefusedCharacters.escaped(context.currentName()));
            }
        }
        String path = String.join("", segments);
        return path.startsWith(".") ? path.substring(1) : path;
    }
}
