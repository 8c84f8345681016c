package org.caserecord.domain.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserecord.domain.casefile.CaseFixtures.CASE_ID;
import static org.caserecord.domain.casefile.CaseFixtures.CLOCK;
import static org.caserecord.domain.casefile.CaseFixtures.NOW;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.test.AxonAssertionError;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.caserecord.domain.commands.AddReferral;
import org.caserecord.domain.commands.CloseCase;
import org.caserecord.domain.commands.RecordDisclosure;
import org.caserecord.domain.commands.RecordMeeting;
import org.caserecord.domain.commands.RecordReferralOutcome;
import org.caserecord.domain.commands.ReopenCase;
import org.caserecord.domain.errors.CaseCommandRejected;
import org.caserecord.domain.events.CaseClosed;
import org.caserecord.domain.events.CaseOpened;
import org.caserecord.domain.events.CaseReopened;
import org.caserecord.domain.events.DisclosureRecorded;
import org.caserecord.domain.events.ReferralAdded;
import org.caserecord.domain.events.ReferralOutcomeRecorded;
import org.caserecord.domain.model.ClosureReason;
import org.caserecord.domain.model.DisclosurePurpose;
import org.caserecord.domain.model.ExportFormat;
import org.caserecord.domain.model.MeetingType;
import org.caserecord.domain.model.Provider;
import org.caserecord.domain.model.ReferralOutcome;
import org.caserecord.domain.model.Recipient;
import org.caserecord.domain.model.ReferralStatus;
import org.caserecord.domain.model.Urgency;

/**
 * Any sequence of commands, valid or not, leaves a case whose event stream obeys the rules:
 * each command either appends events or is refused with a typed rejection (never another
 * failure), nothing but reopening or a disclosure follows a closure, a case never closes with
 * an open referral, every referral outcome is a step its lifecycle allows, and every disclosure
 * has its own id, a date between the opening and today, and names an export in full or not at all.
 */
class CaseFileInvariantsTest {

    private static final List<UUID> REFERRAL_IDS = List.of(
            UUID.fromString("00000000-0000-4000-8000-000000000001"),
            UUID.fromString("00000000-0000-4000-8000-000000000002"),
            UUID.fromString("00000000-0000-4000-8000-000000000003"));
    private static final List<UUID> DISCLOSURE_IDS = List.of(
            UUID.fromString("00000000-0000-4000-8000-000000000011"),
            UUID.fromString("00000000-0000-4000-8000-000000000012"));
    private static final UUID EXPORT_ID = UUID.fromString("00000000-0000-4000-8000-000000000021");
    /** The day before the case opened, the opening day, today and tomorrow. */
    private static final List<LocalDate> DISCLOSURE_DATES = List.of(LocalDate.of(2026, 2, 28),
            LocalDate.of(2026, 3, 1), CaseFixtures.TODAY, CaseFixtures.TODAY.plusDays(1));

    @Property(tries = 150)
    void anySequenceOfCommandsKeepsTheCaseConsistent(@ForAll("commands") @Size(max = 25) List<Object> commands) {
        List<Object> history = List.of(CaseFixtures.caseOpened());
        for (Object command : commands) {
            history = apply(history, command);
        }
        assertRulesHold(history);
    }

    /** Runs one command on the case rebuilt from its history; answers the history after it. */
    private static List<Object> apply(List<Object> history, Object command) {
        AggregateTestFixture<CaseFile> fixture = new AggregateTestFixture<>(CaseFile.class);
        fixture.registerInjectableResource(CLOCK);
        ResultValidator<CaseFile> result = fixture.given(history).when(command);
        try {
            result.expectSuccessfulHandlerExecution();
        } catch (AxonAssertionError refused) {
            result.expectException(CaseCommandRejected.class);
            return history;
        }
        return fixture.getEventStore().readEvents(CASE_ID.toString()).asStream()
                .map(DomainEventMessage::getPayload)
                .map(Object.class::cast)
                .toList();
    }

    private static void assertRulesHold(List<Object> history) {
        assertThat(history.get(0)).isInstanceOf(CaseOpened.class);
        LocalDate openedOn = ((CaseOpened) history.get(0)).openedOn();
        boolean closed = false;
        Map<UUID, ReferralStatus> referrals = new HashMap<>();
        Set<UUID> disclosures = new HashSet<>();
        for (Object event : history.subList(1, history.size())) {
            if (closed) {
                assertThat(event).as("only reopening or a disclosure follows a closure")
                        .isInstanceOfAny(CaseReopened.class, DisclosureRecorded.class);
            }
            if (event instanceof ReferralAdded added) {
                assertThat(referrals).doesNotContainKey(added.referralId());
                referrals.put(added.referralId(), ReferralStatus.PENDING);
            } else if (event instanceof ReferralOutcomeRecorded outcome) {
                ReferralStatus before = referrals.get(outcome.referralId());
                assertThat(before).isNotNull();
                assertThat(before.allowedOutcomes()).extracting(ReferralStatus::after)
                        .contains(outcome.resultingStatus());
                referrals.put(outcome.referralId(), outcome.resultingStatus());
            } else if (event instanceof CaseClosed) {
                assertThat(referrals.values()).noneMatch(ReferralStatus::isOpen);
                closed = true;
            } else if (event instanceof CaseReopened) {
                assertThat(closed).as("only a closed case reopens").isTrue();
                closed = false;
            } else if (event instanceof DisclosureRecorded disclosure) {
                assertThat(disclosures.add(disclosure.disclosureId())).as("a disclosure id is used once").isTrue();
                assertThat(disclosure.disclosedOn()).isBetween(openedOn, CaseFixtures.TODAY);
                assertThat(disclosure.exportId() == null).as("an export is named in full or not at all")
                        .isEqualTo(disclosure.exportFormat() == null);
            }
        }
    }

    @Provide
    Arbitrary<List<Object>> commands() {
        Arbitrary<UUID> referralId = Arbitraries.of(REFERRAL_IDS);
        Arbitrary<Object> meeting = Arbitraries.integers().between(-10, 1500).map(minutes ->
                new RecordMeeting(CASE_ID, UUID.randomUUID(), MeetingType.CLIENT, NOW.minusSeconds(3600), minutes,
                        List.of(), "note", null));
        Arbitrary<Object> addReferral = referralId.map(id ->
                new AddReferral(CASE_ID, id, new Provider("Clinic", "COUNSELING"), "reason", Urgency.ROUTINE, null));
        Arbitrary<Object> outcome = Combinators.combine(referralId,
                        Arbitraries.of(ReferralOutcome.class), Arbitraries.of("", "because"))
                .as((id, result, reason) -> new RecordReferralOutcome(CASE_ID, id, result, reason, null, null));
        Arbitrary<Object> close = Arbitraries.of(ClosureReason.class).map(reason ->
                new CloseCase(CASE_ID, reason, "summary", CaseFixtures.TODAY, null));
        Arbitrary<Object> reopen = Arbitraries.of("", "client returned").map(reason ->
                new ReopenCase(CASE_ID, reason, null));
        Arbitrary<Object> disclose = Combinators.combine(Arbitraries.of(DISCLOSURE_IDS),
                        Arbitraries.of(DISCLOSURE_DATES), Arbitraries.of(EXPORT_ID).injectNull(0.5),
                        Arbitraries.of(ExportFormat.class).injectNull(0.5))
                .as((id, disclosedOn, exportId, format) -> new RecordDisclosure(CASE_ID, id,
                        new Recipient("Dana Whitfield", "County Public Conservator", null),
                        DisclosurePurpose.CONSERVATORSHIP, "complete case file", "court order", disclosedOn,
                        exportId, format, null));
        return Arbitraries.oneOf(meeting, addReferral, outcome, close, reopen, disclose).list();
    }
}
