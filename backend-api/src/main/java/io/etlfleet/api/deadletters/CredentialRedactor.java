package io.etlfleet.api.deadletters;

import io.etlfleet.storage.JsonColumns;
import io.etlfleet.storage.integrations.IntegrationStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Makes sure what the API shows of a dead letter holds none of its integration's credentials.
 * Job messages carry ids, never secrets, but an error message comes from whatever failed and
 * could quote one; so every credential value of the integration a message names is replaced
 * by {@value #MASK} in its error message, headers and body. One instance per request: it
 * caches the credentials it decrypted.
 */
final class CredentialRedactor {

    static final String MASK = "[redacted]";
    /** Shorter values would mask ordinary words. */
    static final int MIN_SECRET_LENGTH = 4;
    private static final Logger log = LoggerFactory.getLogger(CredentialRedactor.class);

    private final IntegrationStore integrations;
    private final Map<UUID, Set<String>> secrets = new HashMap<>();

    CredentialRedactor(IntegrationStore integrations) {
        this.integrations = integrations;
    }

    /** The credential values of the integration named by this message body, longest first. */
    Set<String> secretsFor(String body) {
        UUID integrationId = integrationId(body);
        if (integrationId == null) {
            return Set.of();
        }
        return secrets.computeIfAbsent(integrationId, this::load);
    }

    static String redact(String text, Set<String> secrets) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        for (String secret : secrets) {
            redacted = redacted.replace(secret, MASK);
        }
        return redacted;
    }

    static Map<String, Object> redactHeaders(Map<String, Object> headers, Set<String> secrets) {
        Map<String, Object> redacted = new LinkedHashMap<>();
        headers.forEach((name, value) -> redacted.put(name, redactValue(value, secrets)));
        return redacted;
    }

    private static Object redactValue(Object value, Set<String> secrets) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), redactValue(v, secrets)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(redactValue(v, secrets)));
            return copy;
        }
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return redact(value.toString(), secrets);
    }

    private Set<String> load(UUID integrationId) {
        Set<String> values = new TreeSet<>(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder()));
        try {
            integrations.find(integrationId).ifPresent(integration -> integrations.credentials(integration).values()
                    .stream().filter(v -> v != null && v.length() >= MIN_SECRET_LENGTH).forEach(values::add));
        } catch (RuntimeException e) {
            log.warn("Could not read the credentials of integration {} to redact them: {}", integrationId,
                    e.getClass().getSimpleName());
        }
        return values;
    }

    private static UUID integrationId(String body) {
        try {
            JsonNode id = JsonColumns.MAPPER.readTree(body).path("integration_id");
            return id.isString() ? UUID.fromString(id.asString()) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
