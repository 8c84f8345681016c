package org.caserecord.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The share of segments when the database does not answer (the two-instance test covers the rest). */
class ServiceInstancesTest {

    /** Port 1 on loopback: nothing listens there, so every connection is refused at once. */
    private final ServiceInstances instances = new ServiceInstances("test-instance",
            JdbcClient.create(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none", "none", "none")),
            new InstanceProperties(Duration.ofSeconds(2), Duration.ofSeconds(10)));

    @Test
    void aHeartbeatThatCannotReachTheDatabaseNeitherThrowsNorChangesTheCounts() {
        assertThatCode(instances::beat).doesNotThrowAnyException();

        assertThat(instances.liveInstances()).isEqualTo(1);
    }

    @Test
    void segmentsNotYetCreatedAreNotLimited() {
        instances.beat();

        assertThat(instances.maxSegments("case-file")).isEqualTo(Short.MAX_VALUE);
    }
}
