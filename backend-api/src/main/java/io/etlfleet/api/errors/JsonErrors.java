package io.etlfleet.api.errors;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Explains why a request body could not be read, naming the offending field by its JSON
 * path ({@code config.repositories[0]}). Never repeats the body: it may hold credentials.
 */
final class JsonErrors {

    private JsonErrors() {
    }

    static FieldProblem describe(JacksonException e) {
        String field = path(e);
        if (e instanceof UnrecognizedPropertyException) {
            return new FieldProblem(field, "is not a known field");
        }
        if (e instanceof StreamReadException) {
            TokenStreamLocation location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            return new FieldProblem(null, "request body is not valid JSON" + where);
        }
        if (e instanceof ValueInstantiationException) {
            return new FieldProblem(field, "has an invalid value");
        }
        if (e instanceof MismatchedInputException mismatch) {
            if (field == null) {
                return new FieldProblem(null, "request body must be a JSON object");
            }
            return new FieldProblem(field, "must be " + expected(mismatch.getTargetType()));
        }
        return new FieldProblem(field, "has an invalid value");
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == UUID.class) {
            return "a UUID string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || JsonNode.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "of another type";
    }
}
