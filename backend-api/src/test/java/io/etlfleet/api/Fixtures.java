package io.etlfleet.api;

import java.util.UUID;

/** Request bodies and set-up steps the API tests share. */
public final class Fixtures {

    public static final String GITHUB_TOKEN = "ghp_fixtureToken0123456789abcdef";

    private Fixtures() {
    }

    public record TenantWithKey(String id, String apiKey) {
    }

    public static TenantWithKey aTenant(ApiClient api) {
        ApiClient.Response created = api.post("/api/v1/tenants", TestBackend.ADMIN_TOKEN,
                "{\"name\":\"tenant-" + UUID.randomUUID() + "\"}");
        if (created.status() != 201) {
            throw new IllegalStateException("creating a tenant answered " + created.status() + ": " + created.body());
        }
        return new TenantWithKey(created.text("id"), created.text("api_key"));
    }

    public static String aGithubIntegrationBody(String name) {
        return """
                {"type": "github", "name": "%s",
                 "config": {"base_url": "https://api.github.com", "repositories": ["acme/app", "acme/lib"]},
                 "credentials": {"token": "%s"}}""".formatted(name, GITHUB_TOKEN);
    }

    /** Creates a GitHub integration with the tenant's key and returns its id. */
    public static String aGithubIntegration(ApiClient api, TenantWithKey tenant) {
        ApiClient.Response created = api.post("/api/v1/integrations", tenant.apiKey(),
                aGithubIntegrationBody("github-" + UUID.randomUUID()));
        if (created.status() != 201) {
            throw new IllegalStateException("creating an integration answered " + created.status() + ": "
                    + created.body());
        }
        return created.text("id");
    }

    /** Enqueues a full extraction of the integration's issues and returns the job id. */
    public static String anExtractJob(ApiClient api, TenantWithKey tenant, String integrationId) {
        ApiClient.Response accepted = api.post("/api/v1/extractions", tenant.apiKey(),
                "{\"integration_id\":\"" + integrationId + "\",\"entities\":[\"github_issues\"],\"mode\":\"full\"}");
        if (accepted.status() != 202) {
            throw new IllegalStateException("enqueueing answered " + accepted.status() + ": " + accepted.body());
        }
        return accepted.json().get("jobs").get(0).get("id").asString();
    }
}
