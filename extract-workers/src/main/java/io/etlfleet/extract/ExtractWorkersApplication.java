package io.etlfleet.extract;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Extract workers: consume {@code etl.extract.<type>}, run connectors, store raw objects. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExtractWorkersApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExtractWorkersApplication.class, args);
    }
}
