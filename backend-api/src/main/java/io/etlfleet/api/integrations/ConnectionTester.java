package io.etlfleet.api.integrations;

import io.etlfleet.integrations.Connectors;
import io.etlfleet.integrations.spi.ConnectionCheck;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorSettings;
import io.etlfleet.integrations.spi.InvalidConfigException;
import io.etlfleet.storage.crypto.CredentialCipherException;
import io.etlfleet.storage.integrations.Integration;
import io.etlfleet.storage.integrations.IntegrationStore;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tests an integration's connection through its connector's {@link Connector#testConnection()}
 * and reports the outcome as one of the API's kinds. Never reports credentials: the connectors'
 * messages name URLs, users and projects only, and are masked here as a second line of defence.
 */
@Component
public class ConnectionTester {

    private static final Logger log = LoggerFactory.getLogger(ConnectionTester.class);

    private final Connectors connectors;
    private final IntegrationStore integrations;
    private final JsonMapper json;

    public ConnectionTester(Connectors connectors, IntegrationStore integrations, JsonMapper json) {
        this.connectors = connectors;
        this.integrations = integrations;
        this.json = json;
    }

    public ConnectionTestResponse test(Integration integration) {
        Map<String, String> credentials;
        try {
            credentials = integrations.credentials(integration);
        } catch (CredentialCipherException e) {
            log.warn("Integration {} credentials cannot be decrypted: {}", integration.id(), e.getMessage());
            return new ConnectionTestResponse(false, "error", "the stored credentials cannot be decrypted with the "
                    + "configured master keys; set them again with PATCH");
        }
        ConnectionCheck check;
        try (Connector connector = connectors.factory(integration.type()).create(new ConnectorSettings(
                integration.id().toString(), json.readTree(integration.configJson()), credentials))) {
            check = connector.testConnection();
        } catch (InvalidConfigException e) {
            check = new ConnectionCheck(ConnectionCheck.Outcome.BAD_CONFIG, e.getMessage());
        }
        String message = mask(check.message() == null ? "" : check.message(), credentials);
        log.info("Connection test of integration {}: {}", integration.id(), check.outcome());
        return new ConnectionTestResponse(check.ok(), kind(check.outcome()), message);
    }

    static String kind(ConnectionCheck.Outcome outcome) {
        return switch (outcome) {
            case OK -> "ok";
            case BAD_CREDENTIALS -> "bad_credentials";
            case NOT_FOUND -> "not_found";
            case UNREACHABLE -> "unreachable";
            case RATE_LIMITED -> "rate_limited";
            case BAD_CONFIG, SOURCE_ERROR -> "error";
        };
    }

    private static String mask(String message, Map<String, String> credentials) {
        String masked = message;
        for (String secret : credentials.values()) {
            if (secret != null && secret.length() >= 4) {
                masked = masked.replace(secret, "****");
            }
        }
        return masked;
    }
}
