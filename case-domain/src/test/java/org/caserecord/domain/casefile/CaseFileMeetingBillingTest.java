package org.caserecord.domain.casefile;

import static org.caserecord.domain.casefile.CaseFixtures.CASE_ID;
import static org.caserecord.domain.casefile.CaseFixtures.CLOCK;
import static org.caserecord.domain.casefile.CaseFixtures.MEETING_ID;
import static org.caserecord.domain.casefile.CaseFixtures.NOW;
import static org.caserecord.domain.casefile.CaseFixtures.caseOpened;

import java.time.Instant;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.caserecord.domain.commands.RecordMeeting;
import org.caserecord.domain.errors.CaseErrorCode;
import org.caserecord.domain.errors.CaseRejection;
import org.caserecord.domain.events.MeetingRecorded;
import org.caserecord.domain.model.MeetingBilling;
import org.caserecord.domain.model.MeetingType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A meeting may say how it is billed; the codes must be well formed. */
class CaseFileMeetingBillingTest {

    private static final Instant AN_HOUR_AGO = NOW.minusSeconds(3600);

    private FixtureConfiguration<CaseFile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CaseFile.class);
        fixture.registerInjectableResource(CLOCK);
    }

    private static RecordMeeting billed(MeetingBilling billing) {
        return new RecordMeeting(CASE_ID, MEETING_ID, MeetingType.CLIENT, AN_HOUR_AGO, 40, List.of(), "notes",
                billing, null);
    }

    @Test
    void aBilledMeetingCarriesItsCodes() {
        fixture.given(caseOpened())
                .when(billed(new MeetingBilling("T1017", "11")))
                .expectEvents(new MeetingRecorded(CASE_ID, MEETING_ID, MeetingType.CLIENT, AN_HOUR_AGO, 40, List.of(),
                        "notes", new MeetingBilling("T1017", "11")));
    }

    @Test
    void aMalformedServiceCodeOrPlaceOfServiceIsRefused() {
        fixture.given(caseOpened())
                .when(billed(new MeetingBilling("90837", "11")))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.INVALID_SERVICE_CODE, "billing.serviceCode"))
                .expectNoEvents();
        fixture.given(caseOpened())
                .when(billed(new MeetingBilling("T1017", "1")))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.INVALID_PLACE_OF_SERVICE,
                        "billing.placeOfService"))
                .expectNoEvents();
        fixture.given(caseOpened())
                .when(billed(new MeetingBilling(null, "11")))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.INVALID_SERVICE_CODE, "billing.serviceCode"))
                .expectNoEvents();
    }
}
