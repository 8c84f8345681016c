package org.caserecord.projections.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.test.AxonAssertionError;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.caserecord.domain.casefile.CaseFile;
import org.caserecord.domain.commands.AddFamilyMember;
import org.caserecord.domain.commands.AddReferral;
import org.caserecord.domain.commands.AmendEntry;
import org.caserecord.domain.commands.CloseCase;
import org.caserecord.domain.commands.CompleteFollowUp;
import org.caserecord.domain.commands.PlannedGoal;
import org.caserecord.domain.commands.ReassignCaseManager;
import org.caserecord.domain.commands.RecordAssessment;
import org.caserecord.domain.commands.RecordConsent;
import org.caserecord.domain.commands.RecordDiagnosis;
import org.caserecord.domain.commands.RecordEducationProvided;
import org.caserecord.domain.commands.RecordGoalProgress;
import org.caserecord.domain.commands.RecordMeeting;
import org.caserecord.domain.commands.RecordProviderReport;
import org.caserecord.domain.commands.RecordReferralOutcome;
import org.caserecord.domain.commands.ReopenCase;
import org.caserecord.domain.commands.ResolveDiagnosis;
import org.caserecord.domain.commands.RevokeConsent;
import org.caserecord.domain.commands.ScheduleFollowUp;
import org.caserecord.domain.commands.SetTreatmentPlan;
import org.caserecord.domain.errors.CaseCommandRejected;
import org.caserecord.domain.events.CaseEvent;
import org.caserecord.domain.events.CaseOpened;
import org.caserecord.domain.model.AssessmentType;
import org.caserecord.domain.model.Attendee;
import org.caserecord.domain.model.Client;
import org.caserecord.domain.model.ClosureReason;
import org.caserecord.domain.model.ConsentScope;
import org.caserecord.domain.model.EducationFormat;
import org.caserecord.domain.model.EducationRecipient;
import org.caserecord.domain.model.Intervention;
import org.caserecord.domain.model.MeetingType;
import org.caserecord.domain.model.ProgressRating;
import org.caserecord.domain.model.Provider;
import org.caserecord.domain.model.ReferralDeclineReason;
import org.caserecord.domain.model.ReferralOutcome;
import org.caserecord.domain.model.RiskLevel;
import org.caserecord.domain.model.Urgency;
import org.caserecord.projections.support.CaseStream;
import org.caserecord.projections.support.ReadModelDatabase;
import org.caserecord.projections.support.TestProjections;

/**
 * Random command sequences are run through the real CaseFile aggregate; the events it
 * accepts are delivered to the case file projection (every third one twice, as a processor
 * may after a rollback). The read model must then equal the case file folded in memory from
 * the same events.
 */
class CaseFileMatchesEventStreamTest {

    private static final UUID CASE_ID = UUID.fromString("7f3e2d1c-0b9a-4877-8665-544332211000");
    private static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private final CaseFileQueries queries = new CaseFileQueries(ReadModelDatabase.get().jdbc());

    @Property(tries = 50)
    void theReadModelEqualsTheCaseFileFoldedFromItsEvents(@ForAll("steps") @Size(min = 10, max = 40) List<Step> steps) {
        ReadModelDatabase.get().truncateReadModels();
        List<Object> events = new ArrayList<>(List.of(new CaseOpened(CASE_ID,
                new Client("Jordan Rivera", LocalDate.of(1990, 4, 2)), "ada", LocalDate.of(2026, 1, 5),
                "county hospital", "low mood")));
        Ids ids = new Ids();
        for (Step step : steps) {
            events = accepted(events, step.command(ids));
        }

        Statistics.label("events accepted").collect(events.size() / 10 * 10 + "+");
        CaseStream stream = CaseStream.of(CASE_ID, TestProjections.caseFile(ReadModelDatabase.get().jdbc()));
        List<DomainEventMessage<?>> delivered = new ArrayList<>();
        for (Object event : events) {
            DomainEventMessage<?> message = stream.append((CaseEvent) event);
            delivered.add(message);
            if (delivered.size() % 3 == 0) {
                stream.redeliver(message);
            }
        }

        assertThat(queries.find(CASE_ID)).contains(CaseFileRebuild.fold(delivered));
    }

    /** Runs the command on the case rebuilt from its events; answers the events after it. */
    private static List<Object> accepted(List<Object> events, Object command) {
        AggregateTestFixture<CaseFile> fixture = new AggregateTestFixture<>(CaseFile.class);
        fixture.registerInjectableResource(CLOCK);
        ResultValidator<CaseFile> result = fixture.given(events).when(command);
        try {
            result.expectSuccessfulHandlerExecution();
        } catch (AxonAssertionError refused) {
            result.expectException(CaseCommandRejected.class);
            return events;
        }
        return fixture.getEventStore().readEvents(CASE_ID.toString()).asStream()
                .map(DomainEventMessage::getPayload)
                .map(Object.class::cast)
                .toList();
    }

    /** One command of a sequence, written against the ids the sequence has handed out so far. */
    interface Step {
        Object command(Ids ids);
    }

    /**
     * New entries get fresh ids; commands about an existing entry pick one of the ids handed
     * out before (by position, so a sample stays reproducible), whatever its kind: naming
     * the wrong kind of entry is a case the aggregate must refuse, too.
     */
    static final class Ids {
        private final List<UUID> handedOut = new ArrayList<>();

        UUID fresh() {
            UUID id = new UUID(0x0000000000004000L, 0x8000000000000000L + handedOut.size() + 1);
            handedOut.add(id);
            return id;
        }

        UUID existing(int position) {
            return handedOut.isEmpty() ? fresh() : handedOut.get(position % handedOut.size());
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 1000);
        Arbitrary<Instant> past = Arbitraries.longs().between(1, 60L * 24 * 40).map(m -> NOW.minusSeconds(m * 60));
        Arbitrary<LocalDate> pastDate = Arbitraries.integers().between(0, 60).map(TODAY::minusDays);
        Arbitrary<String> text = Arbitraries.of("a", "note", "discussed housing", "");
        Arbitrary<Step> meeting = Combinators.combine(past, Arbitraries.of(MeetingType.class))
                .as((at, type) -> ids -> new RecordMeeting(CASE_ID, ids.fresh(), type, at, 30,
                        List.of(new Attendee("M", "mother")), "n", null));
        Arbitrary<Step> referral = Arbitraries.of(new Provider("Clinic", "COUNSELING"),
                        new Provider("Eastside Housing", "HOUSING", UUID.fromString("5b0c8a6e-0d2f-4a57-9a43-7e1f0c3b2d11"),
                                "+1 555 0100"))
                .map(provider -> ids -> new AddReferral(CASE_ID, ids.fresh(), provider, "r", Urgency.ROUTINE, null));
        Arbitrary<Step> outcome = Combinators.combine(pick, Arbitraries.of(ReferralOutcome.class), text,
                        Arbitraries.of(ReferralDeclineReason.class).injectNull(0.5))
                .as((i, o, r, why) -> ids -> new RecordReferralOutcome(CASE_ID, ids.existing(i), o, r,
                        o == ReferralOutcome.DECLINED ? why : null, null));
        Arbitrary<Step> assessment = Combinators.combine(Arbitraries.of(AssessmentType.class), past,
                        Arbitraries.of(RiskLevel.class).injectNull(0.3))
                .as((type, at, risk) -> ids -> new RecordAssessment(CASE_ID, ids.fresh(), type, at, "s",
                        List.of("housing"), risk, null));
        Arbitrary<Step> diagnosis = Combinators.combine(Arbitraries.of("F32.1", "F43.10", "Z63.0"),
                        Arbitraries.of(true, false), pastDate)
                .as((code, primary, on) -> ids -> new RecordDiagnosis(CASE_ID, ids.fresh(), code, "d", primary, "dr",
                        on, null));
        Arbitrary<Step> resolve = Combinators.combine(pick, pastDate)
                .as((i, on) -> ids -> new ResolveDiagnosis(CASE_ID, ids.existing(i), on, "better", null));
        Arbitrary<Step> plan = Combinators.combine(pick, Arbitraries.of(true, false))
                .as((i, carry) -> ids -> new SetTreatmentPlan(CASE_ID,
                        List.of(carry ? new PlannedGoal(ids.existing(i), null, "goal", TODAY.plusMonths(3))
                                : new PlannedGoal(null, ids.fresh(), "goal", TODAY.plusMonths(3))),
                        List.of(new Intervention("CBT", new Provider("Clinic", "COUNSELING"), "weekly")),
                        TODAY.plusMonths(1), null));
        Arbitrary<Step> progress = Combinators.combine(pick, past, Arbitraries.of(ProgressRating.class))
                .as((i, at, rating) -> ids -> new RecordGoalProgress(CASE_ID, ids.fresh(), ids.existing(i), at,
                        rating, "p", null));
        Arbitrary<Step> report = pastDate.map(on -> ids -> new RecordProviderReport(CASE_ID, ids.fresh(),
                new Provider("Dr. Lee", "PSYCHIATRY"), on, on.minusDays(30), on, "s", null));
        Arbitrary<Step> followUp = pastDate.map(due -> ids -> new ScheduleFollowUp(CASE_ID, ids.fresh(),
                due.plusDays(20), "check in", null));
        Arbitrary<Step> completion = Combinators.combine(pick, past, Arbitraries.of(true, false).injectNull(0.3))
                .as((i, at, satisfied) -> ids -> new CompleteFollowUp(CASE_ID, ids.existing(i), at, "done",
                        satisfied, null));
        Arbitrary<Step> education = Combinators.combine(past, Arbitraries.of(EducationRecipient.class))
                .as((at, who) -> ids -> new RecordEducationProvided(CASE_ID, ids.fresh(), at, who, null, "medication",
                        EducationFormat.WRITTEN, List.of("leaflet"), null));
        Arbitrary<Step> family = Arbitraries.just(ids -> new AddFamilyMember(CASE_ID, ids.fresh(), "Maria", "mother",
                null, true, null));
        Arbitrary<Step> consent = pastDate.map(on -> ids -> new RecordConsent(CASE_ID, ids.fresh(),
                ConsentScope.SHARE_WITH_FAMILY, "Maria", on, null, null));
        Arbitrary<Step> revoke = pick.map(i -> ids -> new RevokeConsent(CASE_ID, ids.existing(i), TODAY, null));
        Arbitrary<Step> reassign = Arbitraries.of("ada", "ben")
                .map(to -> ids -> new ReassignCaseManager(CASE_ID, to, "leave", null));
        Arbitrary<Step> amend = pick.map(i -> ids -> new AmendEntry(CASE_ID, ids.fresh(), ids.existing(i),
                "corrected", "typo", null));
        Arbitrary<Step> close = Arbitraries.of(ClosureReason.class)
                .map(reason -> ids -> new CloseCase(CASE_ID, reason, "summary", TODAY, null));
        Arbitrary<Step> reopen = Arbitraries.just(ids -> new ReopenCase(CASE_ID, "returned", null));
        // Closing is rare, so that most of a sequence happens on an open case.
        return Arbitraries.frequencyOf(
                Tuple.of(5, meeting), Tuple.of(5, referral), Tuple.of(5, outcome), Tuple.of(5, assessment),
                Tuple.of(5, diagnosis), Tuple.of(5, resolve), Tuple.of(5, plan), Tuple.of(5, progress),
                Tuple.of(5, report), Tuple.of(5, followUp), Tuple.of(5, completion), Tuple.of(5, education),
                Tuple.of(5, family), Tuple.of(5, consent), Tuple.of(5, revoke), Tuple.of(3, reassign),
                Tuple.of(5, amend), Tuple.of(1, close), Tuple.of(3, reopen))
                .list();
    }
}
