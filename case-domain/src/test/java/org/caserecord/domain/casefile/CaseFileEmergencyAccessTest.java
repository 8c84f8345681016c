package org.caserecord.domain.casefile;

import static org.caserecord.domain.casefile.CaseFixtures.CASE_ID;
import static org.caserecord.domain.casefile.CaseFixtures.CLOCK;
import static org.caserecord.domain.casefile.CaseFixtures.NOW;
import static org.caserecord.domain.casefile.CaseFixtures.caseClosed;
import static org.caserecord.domain.casefile.CaseFixtures.caseOpened;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.caserecord.domain.commands.GrantEmergencyAccess;
import org.caserecord.domain.errors.CaseErrorCode;
import org.caserecord.domain.errors.CaseRejection;
import org.caserecord.domain.events.CaseManagerReassigned;
import org.caserecord.domain.events.EmergencyAccessGranted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Break-glass: a case manager not assigned to the case gets read access for a while, for a reason. */
class CaseFileEmergencyAccessTest {

    private static final UUID GRANT_ID = UUID.fromString("00000000-0000-0000-0000-00000000e001");
    private static final Instant IN_AN_HOUR = NOW.plus(Duration.ofHours(1));

    private FixtureConfiguration<CaseFile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CaseFile.class);
        fixture.registerInjectableResource(CLOCK);
    }

    private static GrantEmergencyAccess grant(String userId, String reason, Instant expiresAt) {
        return new GrantEmergencyAccess(CASE_ID, GRANT_ID, userId, reason, expiresAt);
    }

    @Test
    void anotherCaseManagerIsGrantedAccessForAReason() {
        fixture.given(caseOpened())
                .when(grant("ben", "client in crisis at the front desk", IN_AN_HOUR))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EmergencyAccessGranted(CASE_ID, GRANT_ID, "ben", "client in crisis at the front desk",
                        IN_AN_HOUR))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aClosedCaseCanBeOpenedInAnEmergencyToo() {
        fixture.given(caseOpened(), caseClosed())
                .when(grant("ben", "former client calls in crisis", IN_AN_HOUR))
                .expectEvents(new EmergencyAccessGranted(CASE_ID, GRANT_ID, "ben", "former client calls in crisis",
                        IN_AN_HOUR));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "   ")
    void anEmergencyNeedsAReason(String reason) {
        fixture.given(caseOpened())
                .when(grant("ben", reason, IN_AN_HOUR))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.REASON_REQUIRED, "reason"))
                .expectNoEvents();
    }

    @Test
    void theAssignedManagerNeedsNoEmergencyAccess() {
        fixture.given(caseOpened())
                .when(grant("ada", "checking", IN_AN_HOUR))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.ALREADY_ASSIGNED, "userId"))
                .expectNoEvents();
    }

    @Test
    void theManagerAssignedSinceNeedsNoneEitherButTheFormerOneDoes() {
        fixture.given(caseOpened(), new CaseManagerReassigned(CASE_ID, "ada", "ben", "leave"))
                .when(grant("ada", "covering for ben tonight", IN_AN_HOUR))
                .expectEvents(new EmergencyAccessGranted(CASE_ID, GRANT_ID, "ada", "covering for ben tonight",
                        IN_AN_HOUR));
    }

    @Test
    void theAccessMustEndInTheFuture() {
        fixture.given(caseOpened())
                .when(grant("ben", "crisis", NOW))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.EXPIRY_NOT_IN_FUTURE, "expiresAt"))
                .expectNoEvents();
    }

    @Test
    void theGrantNamesTheUser() {
        fixture.given(caseOpened())
                .when(grant(" ", "crisis", IN_AN_HOUR))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.REQUIRED_FIELD_MISSING, "userId"))
                .expectNoEvents();
    }
}
