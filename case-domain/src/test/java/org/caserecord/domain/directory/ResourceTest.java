package org.caserecord.domain.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.caserecord.domain.errors.CaseCommandRejected;
import org.caserecord.domain.errors.CaseErrorCode;
import org.caserecord.domain.errors.CaseRejection;
import org.caserecord.domain.model.Provider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResourceTest {

    private static final UUID RESOURCE_ID = UUID.fromString("5b0c8a6e-0d2f-4a57-9a43-7e1f0c3b2d11");
    private static final ResourceDetails EASTSIDE = new ResourceDetails("Eastside Housing Collective",
            ResourceType.HOUSING, "+1 555 0100", "12 Main St", List.of("English", "Spanish"), List.of("MCD-CA"),
            "Walk-ins Tuesdays");

    private FixtureConfiguration<Resource> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Resource.class);
    }

    private static ResourceDetails renamed(String name) {
        return new ResourceDetails(name, EASTSIDE.type(), EASTSIDE.contact(), EASTSIDE.address(),
                EASTSIDE.languages(), EASTSIDE.acceptedPayers(), EASTSIDE.notes());
    }

    @Test
    void registeringAResourceRecordsItsDetails() {
        fixture.givenNoPriorActivity()
                .when(new RegisterResource(RESOURCE_ID, EASTSIDE))
                .expectEvents(new ResourceRegistered(RESOURCE_ID, EASTSIDE));
    }

    @Test
    void nameTypeAndContactAreRequired() {
        fixture.givenNoPriorActivity()
                .when(new RegisterResource(RESOURCE_ID, renamed(" ")))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.REQUIRED_FIELD_MISSING, "name"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterResource(RESOURCE_ID, new ResourceDetails("Eastside", null, "+1 555 0100", null,
                        null, null, null)))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.REQUIRED_FIELD_MISSING, "type"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterResource(RESOURCE_ID, new ResourceDetails("Eastside", ResourceType.CRISIS, null,
                        null, null, null, null)))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.REQUIRED_FIELD_MISSING, "contact"))
                .expectNoEvents();
    }

    @Test
    void optionalTextsAreNotBlank() {
        fixture.givenNoPriorActivity()
                .when(new RegisterResource(RESOURCE_ID, new ResourceDetails("Eastside", ResourceType.CRISIS,
                        "+1 555 0100", " ", null, null, null)))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.OPTIONAL_FIELD_BLANK, "address"))
                .expectNoEvents();
    }

    @Test
    void updatingRecordsTheNewDetails() {
        fixture.given(new ResourceRegistered(RESOURCE_ID, EASTSIDE))
                .when(new UpdateResource(RESOURCE_ID, renamed("Eastside Housing"), 0L))
                .expectResultMessagePayload(1L)
                .expectEvents(new ResourceUpdated(RESOURCE_ID, renamed("Eastside Housing")));
    }

    @Test
    void savingTheSameDetailsAppendsNothing() {
        fixture.given(new ResourceRegistered(RESOURCE_ID, EASTSIDE))
                .when(new UpdateResource(RESOURCE_ID, EASTSIDE, null))
                .expectResultMessagePayload(0L)
                .expectNoEvents();
    }

    @Test
    void anExpectedVersionOtherThanTheResourcesIsStale() {
        fixture.given(new ResourceRegistered(RESOURCE_ID, EASTSIDE), new ResourceUpdated(RESOURCE_ID,
                        renamed("Eastside Housing")))
                .when(new UpdateResource(RESOURCE_ID, renamed("Eastside"), 0L))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.RESOURCE_VERSION_MISMATCH, null))
                .expectNoEvents();
    }

    @Test
    void retiringEndsTheResourcesUse() {
        fixture.given(new ResourceRegistered(RESOURCE_ID, EASTSIDE))
                .when(new RetireResource(RESOURCE_ID, "Closed its doors", null))
                .expectResultMessagePayload(1L)
                .expectEvents(new ResourceRetired(RESOURCE_ID, "Closed its doors"));
    }

    @Test
    void aRetiredResourceTakesNoChanges() {
        fixture.given(new ResourceRegistered(RESOURCE_ID, EASTSIDE), new ResourceRetired(RESOURCE_ID, null))
                .when(new UpdateResource(RESOURCE_ID, renamed("Eastside Housing"), null))
                .expectException(CaseCommandRejected.class)
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.RESOURCE_RETIRED, null))
                .expectNoEvents();
        fixture.given(new ResourceRegistered(RESOURCE_ID, EASTSIDE), new ResourceRetired(RESOURCE_ID, null))
                .when(new RetireResource(RESOURCE_ID, null, null))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.RESOURCE_RETIRED, null))
                .expectNoEvents();
    }

    @Test
    void languagesAndPayersKeepTheirFirstSpellingWithoutBlanksOrRepeats() {
        ResourceDetails details = new ResourceDetails("Eastside", ResourceType.HOUSING, "x", null,
                Arrays.asList(" Spanish", "spanish", "", null, "English "), null, null);
        assertThat(details.languages()).containsExactly("Spanish", "English");
        assertThat(details.acceptedPayers()).isEmpty();
    }

    @Test
    void aResourceBecomesAProviderSnapshot() {
        assertThat(EASTSIDE.asProvider(RESOURCE_ID))
                .isEqualTo(new Provider("Eastside Housing Collective", "HOUSING", RESOURCE_ID, "+1 555 0100"));
    }
}
