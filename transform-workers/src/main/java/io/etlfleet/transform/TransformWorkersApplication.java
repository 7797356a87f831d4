package io.etlfleet.transform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Transform workers: consume {@code etl.transform.<type>}, load raw objects into warehouse tables. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TransformWorkersApplication {

    public static void main(String[] args) {
        SpringApplication.run(TransformWorkersApplication.class, args);
    }
}
