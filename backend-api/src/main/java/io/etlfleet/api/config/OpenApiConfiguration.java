package io.etlfleet.api.config;

import io.etlfleet.api.security.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}), built
 * from the controllers, so it follows the code; {@code OpenApiDocumentIT} fails when a handler
 * is missing from it. Neither needs an API key.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String BEARER = "bearer";

    static {
        // The authenticated caller is resolved from the Authorization header, not a request parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI etlFleetOpenApi() {
        return new OpenAPI()
                .info(new Info().title("etl-fleet API").version("v1")
                        .description("Tenants, API keys, integrations, extractions, jobs, raw data and sync state of "
                                + "the etl-fleet ETL worker fleet. Every /api/v1 request needs "
                                + "'Authorization: Bearer <key>'; errors are application/problem+json.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").description("an etl-fleet API key")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
