package org.caserecord.domain.casefile;

import static org.caserecord.domain.casefile.CaseFixtures.CASE_ID;
import static org.caserecord.domain.casefile.CaseFixtures.CLOCK;
import static org.caserecord.domain.casefile.CaseFixtures.MEETING_ID;
import static org.caserecord.domain.casefile.CaseFixtures.TODAY;
import static org.caserecord.domain.casefile.CaseFixtures.caseClosed;
import static org.caserecord.domain.casefile.CaseFixtures.caseOpened;
import static org.caserecord.domain.casefile.CaseFixtures.meetingRecorded;
import static org.caserecord.domain.casefile.CaseFixtures.recordMeeting;
import static org.caserecord.domain.casefile.ClinicalFixtures.AN_HOUR_AGO;
import static org.caserecord.domain.casefile.ClinicalFixtures.CONSERVATOR;
import static org.caserecord.domain.casefile.ClinicalFixtures.DISCLOSED_ON;
import static org.caserecord.domain.casefile.ClinicalFixtures.DISCLOSED_RECORDS;
import static org.caserecord.domain.casefile.ClinicalFixtures.DISCLOSURE_ID;
import static org.caserecord.domain.casefile.ClinicalFixtures.EXPORT_ID;
import static org.caserecord.domain.casefile.ClinicalFixtures.LEGAL_BASIS;
import static org.caserecord.domain.casefile.ClinicalFixtures.TOMORROW;
import static org.caserecord.domain.casefile.ClinicalFixtures.amendEntry;
import static org.caserecord.domain.casefile.ClinicalFixtures.disclosureRecorded;
import static org.caserecord.domain.casefile.ClinicalFixtures.exportDisclosureRecorded;
import static org.caserecord.domain.casefile.ClinicalFixtures.recordDisclosure;
import static org.caserecord.domain.casefile.ClinicalFixtures.recordExportDisclosure;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.caserecord.domain.commands.RecordDisclosure;
import org.caserecord.domain.commands.RecordMeeting;
import org.caserecord.domain.commands.ReopenCase;
import org.caserecord.domain.errors.CaseCommandRejected;
import org.caserecord.domain.errors.CaseErrorCode;
import org.caserecord.domain.errors.CaseRejection;
import org.caserecord.domain.events.CaseReopened;
import org.caserecord.domain.model.DisclosurePurpose;
import org.caserecord.domain.model.ExportFormat;
import org.caserecord.domain.model.MeetingType;
import org.caserecord.domain.model.Recipient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The accounting of disclosures: every time part or all of a case record leaves the clinic, the
 * case records who received it, why, what and on which legal basis. Unlike clinical entries a
 * disclosure is also recorded on a closed case. The case opened on 2026-03-01; "today" is
 * 2026-03-10 (see {@link CaseFixtures}).
 */
class CaseFileDisclosureTest {

    private static final LocalDate OPENED_ON = LocalDate.of(2026, 3, 1);

    private FixtureConfiguration<CaseFile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CaseFile.class);
        fixture.registerInjectableResource(CLOCK);
    }

    private static CaseRejection rejection(CaseErrorCode code, String field) {
        return new CaseRejection(code, field);
    }

    private static RecordDisclosure withRecipient(Recipient recipient) {
        return recordDisclosure(recipient, DisclosurePurpose.CONSERVATORSHIP, DISCLOSED_RECORDS, LEGAL_BASIS,
                DISCLOSED_ON, null, null);
    }

    private static RecordDisclosure withExpectedVersion(RecordDisclosure command, Long version) {
        return new RecordDisclosure(command.caseId(), command.disclosureId(), command.recipient(),
                command.purpose(), command.description(), command.legalBasis(), command.disclosedOn(),
                command.exportId(), command.exportFormat(), version);
    }

    @Nested
    class RecordingADisclosure {

        @Test
        void aDisclosureFromAnOpenCaseRecordsDisclosureRecordedAndAnswersTheNewVersion() {
            fixture.given(caseOpened())
                    .when(recordDisclosure(DISCLOSED_ON))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(disclosureRecorded(DISCLOSED_ON))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void aDisclosureFromAClosedCaseIsRecorded() {
            fixture.given(caseOpened(), caseClosed())
                    .when(recordDisclosure(TODAY))
                    .expectEvents(disclosureRecorded(TODAY))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void aDisclosureFromACaseThatNeverOpenedIsUnknown() {
            fixture.givenNoPriorActivity()
                    .when(recordDisclosure(DISCLOSED_ON))
                    .expectException(AggregateNotFoundException.class);
        }

        @Test
        void aDisclosureLeavesAClosedCaseClosed() {
            fixture.given(caseOpened(), caseClosed(), disclosureRecorded(TODAY))
                    .when(recordMeeting(AN_HOUR_AGO, 30))
                    .expectExceptionDetails(rejection(CaseErrorCode.CASE_CLOSED, null))
                    .expectNoEvents();
        }

        @Test
        void aClosedCaseWithADisclosureCanBeReopened() {
            fixture.given(caseOpened(), caseClosed(), disclosureRecorded(TODAY))
                    .when(new ReopenCase(CASE_ID, "client returned", null))
                    .expectEvents(new CaseReopened(CASE_ID, "client returned"))
                    .expectResultMessagePayload(3L);
        }

        @ParameterizedTest
        @EnumSource(ExportFormat.class)
        void anExportMadeByTheServiceIsNamedByItsIdAndFormat(ExportFormat format) {
            fixture.given(caseOpened())
                    .when(recordExportDisclosure(EXPORT_ID, format))
                    .expectEvents(exportDisclosureRecorded(EXPORT_ID, format));
        }

        @ParameterizedTest
        @EnumSource(DisclosurePurpose.class)
        void everyPurposeIsRecorded(DisclosurePurpose purpose) {
            fixture.given(caseOpened())
                    .when(recordDisclosure(CONSERVATOR, purpose, DISCLOSED_RECORDS, LEGAL_BASIS, DISCLOSED_ON,
                            null, null))
                    .expectEvents(disclosureRecorded(CONSERVATOR, purpose, DISCLOSED_RECORDS, LEGAL_BASIS,
                            DISCLOSED_ON, null, null));
        }

        @Test
        void aRecipientNeedsNoOrganizationOrAddress() {
            Recipient person = new Recipient("Dana Whitfield", null, null);
            fixture.given(caseOpened())
                    .when(withRecipient(person))
                    .expectEvents(disclosureRecorded(person, DisclosurePurpose.CONSERVATORSHIP, DISCLOSED_RECORDS,
                            LEGAL_BASIS, DISCLOSED_ON, null, null));
        }

        @Test
        void aDisclosureOnTheDayTheCaseOpenedIsRecorded() {
            fixture.given(caseOpened())
                    .when(recordDisclosure(OPENED_ON))
                    .expectEvents(disclosureRecorded(OPENED_ON));
        }

        @Test
        void aDisclosureMadeTodayIsRecorded() {
            fixture.given(caseOpened())
                    .when(recordDisclosure(TODAY))
                    .expectEvents(disclosureRecorded(TODAY));
        }
    }

    @Nested
    class RequiredFields {

        @Test
        void aDisclosureNeedsAnId() {
            fixture.given(caseOpened())
                    .when(new RecordDisclosure(CASE_ID, null, CONSERVATOR, DisclosurePurpose.CONSERVATORSHIP,
                            DISCLOSED_RECORDS, LEGAL_BASIS, DISCLOSED_ON, null, null, null))
                    .expectException(CaseCommandRejected.class)
                    .expectExceptionDetails(rejection(CaseErrorCode.REQUIRED_FIELD_MISSING, "disclosureId"))
                    .expectNoEvents();
        }

        @Test
        void aDisclosureNeedsARecipient() {
            fixture.given(caseOpened())
                    .when(withRecipient(null))
                    .expectExceptionDetails(rejection(CaseErrorCode.REQUIRED_FIELD_MISSING, "recipient"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = "  ")
        void theRecipientNeedsAName(String name) {
            fixture.given(caseOpened())
                    .when(withRecipient(new Recipient(name, "County Public Conservator", null)))
                    .expectExceptionDetails(rejection(CaseErrorCode.REQUIRED_FIELD_MISSING, "recipient.name"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "  "})
        void aRecipientOrganizationIsLeftOutRatherThanBlank(String organization) {
            fixture.given(caseOpened())
                    .when(withRecipient(new Recipient("Dana Whitfield", organization, null)))
                    .expectExceptionDetails(rejection(CaseErrorCode.OPTIONAL_FIELD_BLANK, "recipient.organization"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "  "})
        void aRecipientAddressIsLeftOutRatherThanBlank(String address) {
            fixture.given(caseOpened())
                    .when(withRecipient(new Recipient("Dana Whitfield", null, address)))
                    .expectExceptionDetails(rejection(CaseErrorCode.OPTIONAL_FIELD_BLANK, "recipient.address"))
                    .expectNoEvents();
        }

        @Test
        void aDisclosureNeedsAPurpose() {
            fixture.given(caseOpened())
                    .when(recordDisclosure(CONSERVATOR, null, DISCLOSED_RECORDS, LEGAL_BASIS, DISCLOSED_ON, null,
                            null))
                    .expectExceptionDetails(rejection(CaseErrorCode.REQUIRED_FIELD_MISSING, "purpose"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = "  ")
        void aDisclosureDescribesWhatWasDisclosed(String description) {
            fixture.given(caseOpened())
                    .when(recordDisclosure(CONSERVATOR, DisclosurePurpose.CONSERVATORSHIP, description, LEGAL_BASIS,
                            DISCLOSED_ON, null, null))
                    .expectExceptionDetails(rejection(CaseErrorCode.REQUIRED_FIELD_MISSING, "description"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = "  ")
        void aDisclosureStatesItsLegalBasis(String legalBasis) {
            fixture.given(caseOpened())
                    .when(recordDisclosure(CONSERVATOR, DisclosurePurpose.CONSERVATORSHIP, DISCLOSED_RECORDS,
                            legalBasis, DISCLOSED_ON, null, null))
                    .expectExceptionDetails(rejection(CaseErrorCode.REQUIRED_FIELD_MISSING, "legalBasis"))
                    .expectNoEvents();
        }

        @Test
        void aDisclosureNeedsItsDate() {
            fixture.given(caseOpened())
                    .when(recordDisclosure(null))
                    .expectExceptionDetails(rejection(CaseErrorCode.REQUIRED_FIELD_MISSING, "disclosedOn"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Dates {

        @Test
        void cannotRecordADisclosureDatedInTheFuture() {
            fixture.given(caseOpened())
                    .when(recordDisclosure(TOMORROW))
                    .expectExceptionDetails(rejection(CaseErrorCode.DATE_IN_FUTURE, "disclosedOn"))
                    .expectNoEvents();
        }

        @Test
        void cannotRecordADisclosureDatedBeforeTheCaseOpened() {
            fixture.given(caseOpened())
                    .when(recordDisclosure(OPENED_ON.minusDays(1)))
                    .expectExceptionDetails(rejection(CaseErrorCode.DISCLOSED_BEFORE_OPENED, "disclosedOn"))
                    .expectNoEvents();
        }

        @Test
        void aClosedCaseStillRefusesADisclosureDatedInTheFuture() {
            fixture.given(caseOpened(), caseClosed())
                    .when(recordDisclosure(TOMORROW))
                    .expectExceptionDetails(rejection(CaseErrorCode.DATE_IN_FUTURE, "disclosedOn"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Exports {

        @Test
        void anExportIdWithoutAFormatIsRefused() {
            fixture.given(caseOpened())
                    .when(recordExportDisclosure(EXPORT_ID, null))
                    .expectExceptionDetails(rejection(CaseErrorCode.INCOMPLETE_EXPORT_REFERENCE, "exportFormat"))
                    .expectNoEvents();
        }

        @Test
        void anExportFormatWithoutAnExportIdIsRefused() {
            fixture.given(caseOpened())
                    .when(recordExportDisclosure(null, ExportFormat.PDF))
                    .expectExceptionDetails(rejection(CaseErrorCode.INCOMPLETE_EXPORT_REFERENCE, "exportId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Ids {

        @Test
        void disclosureIdsAreUniqueWithinACase() {
            fixture.given(caseOpened(), disclosureRecorded(DISCLOSED_ON))
                    .when(recordDisclosure(TODAY))
                    .expectExceptionDetails(rejection(CaseErrorCode.DUPLICATE_ENTRY, "disclosureId"))
                    .expectNoEvents();
        }

        @Test
        void disclosureIdsAreUniqueOnAClosedCaseToo() {
            fixture.given(caseOpened(), disclosureRecorded(DISCLOSED_ON), caseClosed())
                    .when(recordDisclosure(TODAY))
                    .expectExceptionDetails(rejection(CaseErrorCode.DUPLICATE_ENTRY, "disclosureId"))
                    .expectNoEvents();
        }

        @Test
        void aDisclosureCannotTakeTheIdOfAnotherEntry() {
            fixture.given(caseOpened(), meetingRecorded(AN_HOUR_AGO, 45))
                    .when(new RecordDisclosure(CASE_ID, MEETING_ID, CONSERVATOR, DisclosurePurpose.CONSERVATORSHIP,
                            DISCLOSED_RECORDS, LEGAL_BASIS, DISCLOSED_ON, null, null, null))
                    .expectExceptionDetails(rejection(CaseErrorCode.DUPLICATE_ENTRY, "disclosureId"))
                    .expectNoEvents();
        }

        @Test
        void anEntryCannotTakeTheIdOfADisclosure() {
            fixture.given(caseOpened(), disclosureRecorded(DISCLOSED_ON))
                    .when(new RecordMeeting(CASE_ID, DISCLOSURE_ID, MeetingType.CLIENT, AN_HOUR_AGO, 30, List.of(),
                            "check-in", null))
                    .expectExceptionDetails(rejection(CaseErrorCode.DUPLICATE_MEETING, "meetingId"))
                    .expectNoEvents();
        }

        /** An amendment names the kind of entry it corrects; a disclosure is not such an entry. */
        @Test
        void aDisclosureIsNotAnEntryAnAmendmentCorrects() {
            fixture.given(caseOpened(), disclosureRecorded(DISCLOSED_ON))
                    .when(amendEntry(DISCLOSURE_ID))
                    .expectExceptionDetails(rejection(CaseErrorCode.ENTRY_NOT_FOUND, "entryId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Versions {

        @Test
        void aDisclosureExpectingTheCurrentVersionIsRecorded() {
            fixture.given(caseOpened(), caseClosed())
                    .when(withExpectedVersion(recordDisclosure(TODAY), 1L))
                    .expectEvents(disclosureRecorded(TODAY))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void aDisclosureExpectingAnOlderVersionIsRefused() {
            fixture.given(caseOpened(), meetingRecorded(AN_HOUR_AGO, 45))
                    .when(withExpectedVersion(recordDisclosure(DISCLOSED_ON), 0L))
                    .expectExceptionDetails(rejection(CaseErrorCode.VERSION_MISMATCH, null))
                    .expectNoEvents();
        }

        @Test
        void aDisclosureExpectingAnOlderVersionOfAClosedCaseIsRefused() {
            fixture.given(caseOpened(), caseClosed())
                    .when(withExpectedVersion(recordDisclosure(TODAY), 0L))
                    .expectExceptionDetails(rejection(CaseErrorCode.VERSION_MISMATCH, null))
                    .expectNoEvents();
        }
    }
}
