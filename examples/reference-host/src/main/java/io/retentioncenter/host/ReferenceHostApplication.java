package io.retentioncenter.host;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The reference host: the Retention Center engine as a Spring Boot service. The store runs its own
 * Flyway migrations, so Spring Boot's Flyway auto-configuration is switched off.
 */
@SpringBootApplication(exclude = FlywayAutoConfiguration.class)
@ConfigurationPropertiesScan
public class ReferenceHostApplication {
    /** Starts the host. */
    public static void main(String[] args) {
        SpringApplication.run(ReferenceHostApplication.class, args);
    }
}
