package io.etlfleet.api.input;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Set;

/**
 * The JSON paths of a request body type's {@link FreeText} components, in the API's
 * snake_case ({@code spring.jackson.property-naming-strategy}): {@code reason},
 * {@code rejection.reason} for a nested record. Only records are looked into.
 */
final class FreeTextFields {

    private FreeTextFields() {
    }

    static Set<String> of(Type bodyType) {
        Set<String> paths = new HashSet<>();
        collect(raw(bodyType), "", paths, 0);
        return Set.copyOf(paths);
    }

    private static void collect(Class<?> type, String prefix, Set<String> paths, int depth) {
        if (type == null || !type.isRecord() || depth > 8) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String path = prefix + FieldNames.snakeCase(component.getName());
            if (component.isAnnotationPresent(FreeText.class)) {
                paths.add(path);
            }
            collect(component.getType(), path + ".", paths, depth + 1);
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        return type instanceof ParameterizedType parameterized ? raw(parameterized.getRawType()) : null;
    }
}
