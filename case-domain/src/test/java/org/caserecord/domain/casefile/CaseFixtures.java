package org.caserecord.domain.casefile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.caserecord.domain.commands.AddReferral;
import org.caserecord.domain.commands.CloseCase;
import org.caserecord.domain.commands.OpenCase;
import org.caserecord.domain.commands.RecordMeeting;
import org.caserecord.domain.events.CaseClosed;
import org.caserecord.domain.events.CaseOpened;
import org.caserecord.domain.events.MeetingRecorded;
import org.caserecord.domain.events.ReferralAdded;
import org.caserecord.domain.model.Attendee;
import org.caserecord.domain.model.Client;
import org.caserecord.domain.model.ClosureReason;
import org.caserecord.domain.model.MeetingType;
import org.caserecord.domain.model.Provider;
import org.caserecord.domain.model.Urgency;

/** Test data for the CaseFile: one fixed "now" and ready-made commands and events. */
final class CaseFixtures {

    static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    static final UUID CASE_ID = UUID.fromString("6a0f5d0e-2b44-4d5f-9a57-5d2e5f0c1a01");
    static final UUID MEETING_ID = UUID.fromString("b1f0c8a4-37f5-4c3e-8d0e-0a7c2f4b9e11");
    static final UUID REFERRAL_ID = UUID.fromString("c2e1d9b5-48a6-4d4f-9e1f-1b8d3a5c0f22");
    static final Client CLIENT = new Client("Jordan Rivera", LocalDate.of(1990, 4, 2));
    static final Provider HOUSING = new Provider("Eastside Housing Cooperative", "HOUSING");

    private CaseFixtures() {
    }

    static OpenCase openCase() {
        return new OpenCase(CASE_ID, CLIENT, "ada", LocalDate.of(2026, 3, 1), "county hospital", "low mood");
    }

    static CaseOpened caseOpened() {
        return new CaseOpened(CASE_ID, CLIENT, "ada", LocalDate.of(2026, 3, 1), "county hospital", "low mood");
    }

    static RecordMeeting recordMeeting(Instant occurredAt, Integer minutes) {
        return new RecordMeeting(CASE_ID, MEETING_ID, MeetingType.FAMILY, occurredAt, minutes,
                List.of(new Attendee("Maria Rivera", "mother")), "discussed housing", null);
    }

    static MeetingRecorded meetingRecorded(Instant occurredAt, int minutes) {
        return new MeetingRecorded(CASE_ID, MEETING_ID, MeetingType.FAMILY, occurredAt, minutes,
                List.of(new Attendee("Maria Rivera", "mother")), "discussed housing");
    }

    static AddReferral addReferral() {
        return new AddReferral(CASE_ID, REFERRAL_ID, HOUSING, "needs stable housing", Urgency.URGENT, null);
    }

    static ReferralAdded referralAdded() {
        return new ReferralAdded(CASE_ID, REFERRAL_ID, HOUSING, "needs stable housing", Urgency.URGENT);
    }

    static CloseCase closeCase() {
        return new CloseCase(CASE_ID, ClosureReason.RELEASED_FROM_TREATMENT, "goals met", TODAY, null);
    }

    static CaseClosed caseClosed() {
        return new CaseClosed(CASE_ID, ClosureReason.RELEASED_FROM_TREATMENT, "goals met", TODAY);
    }
}
