package org.caserecord.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserecord.api.support.CaseJson.closure;
import static org.caserecord.api.support.CaseJson.meeting;
import static org.caserecord.api.support.CaseJson.openCase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.MeterRegistry;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.caserecord.api.support.HttpApiResolver;
import org.caserecord.api.support.TestDatabaseDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ContextConfiguration;

/**
 * Break-glass with a clock the test moves: read access for an hour, then 404 again. A context of
 * its own, since no other test may see time jump.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"caserecord.checkpoint-settle-time=0s", "caserecord.access.emergency-access-duration=60m"})
@ContextConfiguration(initializers = TestDatabaseDirectory.class)
@ExtendWith(HttpApiResolver.class)
class EmergencyAccessHttpTest {

    /** A clock that runs with real time from an offset the test can move forward. */
    static final class MovableClock extends Clock {

        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }

    @TestConfiguration
    static class MovableTime {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    private final HttpApi api;
    private final MovableClock clock;
    private final MeterRegistry meters;

    EmergencyAccessHttpTest(HttpApi api, @Autowired MovableClock clock, @Autowired MeterRegistry meters) {
        this.api = api;
        this.clock = clock;
        this.meters = meters;
    }

    private String adasCase() {
        String path = "/api/cases/" + api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
        api.as("ada").post(path + "/meetings", meeting());
        return path;
    }

    @Test
    void anotherManagerReadsTheCaseForAnHourThenItIsHiddenAgain() {
        String path = adasCase();
        String caseId = path.substring(path.lastIndexOf('/') + 1);
        assertThat(api.as("ben").get(path).status()).isEqualTo(404);
        double before = meters.counter("caserecord.emergency.access.granted").count();

        Response granted = api.as("ben").post(path + "/emergency-access",
                "{\"reason\": \"client in crisis at the front desk\"}");

        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        Instant expiresAt = Instant.parse(granted.text("/expiresAt"));
        assertThat(expiresAt).isBetween(clock.instant().plus(Duration.ofMinutes(59)),
                clock.instant().plus(Duration.ofMinutes(61)));
        assertThat(api.as("ben").get(path).status()).isEqualTo(200);
        assertThat(api.as("ben").get(path + "/history").status()).isEqualTo(200);
        assertThat(api.as("ben").post(path + "/meetings", meeting()).status())
                .as("break-glass opens the case for reading only").isEqualTo(404);
        assertThat(meters.counter("caserecord.emergency.access.granted").count()).isEqualTo(before + 1);

        Response history = api.as("ida").get(path + "/history?type=EmergencyAccessGranted");
        assertThat(history.text("/entries/0/actor")).isEqualTo("ben");
        assertThat(history.text("/entries/0/payload/reason")).isEqualTo("client in crisis at the front desk");
        assertThat(history.text("/entries/0/payload/userId")).isEqualTo("ben");
        assertThat(api.as("ida").get("/api/audit/access?caseId=" + caseId + "&user=ben").texts("/entries", "outcome"))
                .containsSubsequence("DENIED", "SERVED");

        clock.advance(Duration.ofMinutes(61));

        assertThat(api.as("ben").get(path).status()).isEqualTo(404);
        assertThat(api.as("ada").get(path).status()).isEqualTo(200);
    }

    @Test
    void aClosedCaseCanBeOpenedInAnEmergency() {
        String path = adasCase();
        api.as("ada").post(path + "/closure", closure());

        assertThat(api.as("ben").post(path + "/emergency-access", "{\"reason\": \"former client in crisis\"}")
                .status()).isEqualTo(201);
        assertThat(api.as("ben").get(path).text("/status")).isEqualTo("CLOSED");
    }

    @Test
    void anEmptyReasonIs400AndGrantsNothing() {
        String path = adasCase();

        for (String body : new String[] {"{\"reason\": \"\"}", "{\"reason\": \"   \"}", "{}"}) {
            Response refused = api.as("ben").post(path + "/emergency-access", body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(api.as("ben").get(path).status()).isEqualTo(404);
        assertThat(api.as("ada").get(path).number("/version")).isEqualTo(1);
    }

    @Test
    void onlyCaseManagersBreakTheGlassAndTheAssignedOneNeedsNot() {
        String path = adasCase();

        assertThat(api.as("ada").post(path + "/emergency-access", "{\"reason\": \"x\"}").status()).isEqualTo(409);
        for (String user : new String[] {"grace", "ida", "bill", "rita"}) {
            assertThat(api.as(user).post(path + "/emergency-access", "{\"reason\": \"x\"}").status()).as(user)
                    .isEqualTo(403);
        }
        assertThat(api.as("ben").post("/api/cases/00000000-0000-0000-0000-00000000dead/emergency-access",
                "{\"reason\": \"x\"}").status()).isEqualTo(404);
    }
}
