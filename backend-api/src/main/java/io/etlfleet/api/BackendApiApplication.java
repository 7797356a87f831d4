package io.etlfleet.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The etl-fleet backend: REST API under {@code /api/v1} over the fleet's database and broker. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BackendApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(BackendApiApplication.class, args);
    }
}
