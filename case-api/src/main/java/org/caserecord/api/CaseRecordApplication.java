package org.caserecord.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The case record service: HTTP commands in, events in PostgreSQL, read models out. */
@SpringBootApplication(scanBasePackages = "org.caserecord")
@ConfigurationPropertiesScan("org.caserecord")
@EnableScheduling
public class CaseRecordApplication {

    static {
        // Clinical systems do not phone home: switch off Axon's update checker unless asked for.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(CaseRecordApplication.class, args);
    }
}
