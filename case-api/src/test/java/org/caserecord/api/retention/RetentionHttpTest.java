package org.caserecord.api.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.caserecord.api.support.CaseJson.meeting;
import static org.caserecord.api.support.CaseJson.openCase;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Legal holds, the retention register and disposal, as a records officer (rita) uses them. Cases are
 * opened and closed years in the past, so retention has run out for some of them; the service's
 * clock is the real one, and "today" is read from the register's answer.
 */
@ApiTest
class RetentionHttpTest {

    private static final String HOLD = """
            {"reason": "subpoena in a custody dispute", "matterReference": "CV-2026-0142"}""";

    private final HttpApi api;

    RetentionHttpTest(HttpApi api) {
        this.api = api;
    }

    private LocalDate today() {
        return LocalDate.parse(api.as("rita").get("/api/retention?limit=1").text("/today"));
    }

    /** A case of an adult client, opened and closed on the given days. */
    private String closedCase(LocalDate closedOn, String dateOfBirth) {
        String caseId = api.as("ada").post("/api/cases", """
                {"client": {"name": "Quincy Vandermeer", "dateOfBirth": "%s"},
                 "caseManagerId": "ada", "openedOn": "%s",
                 "referralSource": "county hospital", "presentingConcerns": "panic attacks"}
                """.formatted(dateOfBirth, closedOn.minusDays(30))).text("/caseId");
        Response closed = api.as("ada").post("/api/cases/" + caseId + "/closure", """
                {"reason": "RELEASED_FROM_TREATMENT", "summary": "goals met", "closedOn": "%s"}
                """.formatted(closedOn));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        // Reading the case waits for the read models the register is drawn from.
        assertThat(api.as("rita").get("/api/cases/" + caseId).text("/status")).isEqualTo("CLOSED");
        return caseId;
    }

    private String closedCase(LocalDate closedOn) {
        return closedCase(closedOn, "1970-05-05");
    }

    /** A closure date in the distant past, different in every test, whose retention has long ended. */
    private static LocalDate longAgo() {
        return LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
    }

    private JsonNode registerEntry(String caseId) {
        String cursor = null;
        do {
            Response page = api.as("rita").get("/api/retention?limit=500"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            for (JsonNode entry : page.json().at("/cases")) {
                if (entry.at("/caseId").asString().equals(caseId)) {
                    return entry;
                }
            }
            cursor = page.json().at("/nextCursor").isNull() ? null : page.text("/nextCursor");
        } while (cursor != null);
        throw new AssertionError("case " + caseId + " is not in the register");
    }

    @Nested
    class LegalHolds {

        @Test
        void aRecordsOfficerPlacesAndReleasesHolds() {
            String caseId = closedCase(longAgo());
            String holds = "/api/cases/" + caseId + "/legal-holds";

            Response placed = api.as("rita").post(holds, HOLD);

            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
            String holdId = placed.text("/holdId");
            assertThat(placed.header("Location")).isEqualTo(holds + "/" + holdId);
            assertThat(placed.header("ETag")).isEqualTo("\"2\"");
            Response second = api.as("rita").post(holds, """
                    {"reason": "state audit", "matterReference": "AUD-77"}""");
            assertThat(second.status()).isEqualTo(201);

            JsonNode list = api.as("ida").get(holds).json().at("/legalHolds");
            assertThat(list).hasSize(2);
            assertThat(list.at("/0/holdId").asString()).isEqualTo(holdId);
            assertThat(list.at("/0/matterReference").asString()).isEqualTo("CV-2026-0142");
            assertThat(list.at("/0/reason").asString()).isEqualTo("subpoena in a custody dispute");
            assertThat(list.at("/0/placedBy").asString()).isEqualTo("rita");
            assertThat(list.at("/0/releasedAt").isNull()).isTrue();
            JsonNode entry = registerEntry(caseId);
            assertThat(entry.at("/status").asString()).isEqualTo("ON_HOLD");
            assertThat(entry.at("/holds")).hasSize(2);

            Response released = api.as("rita").post(holds + "/" + holdId + "/release", "{\"reason\": \"case settled\"}");

            assertThat(released.status()).as(released.toString()).isEqualTo(200);
            assertThat(released.number("/version")).isEqualTo(4);
            JsonNode hold = api.as("rita").get(holds + "/" + holdId).json();
            assertThat(hold.at("/releasedBy").asString()).isEqualTo("rita");
            assertThat(hold.at("/releaseReason").asString()).isEqualTo("case settled");
            assertThat(registerEntry(caseId).at("/holds")).hasSize(1);
            // The history tells the story.
            assertThat(api.as("ida").get("/api/cases/" + caseId + "/history?type=LegalHoldPlaced&type=LegalHoldReleased")
                    .texts("/entries", "type")).containsExactly("LegalHoldPlaced", "LegalHoldPlaced", "LegalHoldReleased");
        }

        @Test
        void onlyARecordsOfficerMayPlaceOrReleaseAHold() {
            String caseId = closedCase(longAgo());
            String holds = "/api/cases/" + caseId + "/legal-holds";
            for (String user : List.of("ada", "grace", "ida", "bill")) {
                Response refused = api.as(user).post(holds, HOLD);
                assertThat(refused.status()).as(user).isEqualTo(403);
                assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            }
            assertThat(api.as("rita").get(holds).json().at("/legalHolds")).isEmpty();
            // Reading them is records management too: not for case managers or billing.
            assertThat(api.as("ada").get(holds).status()).isEqualTo(403);
            assertThat(api.as("bill").get(holds).status()).isEqualTo(403);
            assertThat(api.as("grace").get(holds).status()).isEqualTo(200);
        }

        @Test
        void badHoldRequestsAre400AndChangeNothing() {
            String caseId = closedCase(longAgo());
            String holds = "/api/cases/" + caseId + "/legal-holds";
            for (String body : List.of("{\"reason\": \"subpoena\"}", "{\"matterReference\": \"CV-1\"}",
                    "{\"reason\": \" \", \"matterReference\": \"CV-1\"}",
                    "{\"reason\": \"subpoena\", \"matterReference\": \"CV-1\", \"holdId\": \"x\"}", "{")) {
                Response refused = api.as("rita").post(holds, body);
                assertThat(refused.status()).as(body).isEqualTo(400);
                assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            }
            assertThat(api.as("rita").get(holds).json().at("/legalHolds")).isEmpty();
            assertThat(api.as("rita").get("/api/cases/" + caseId).number("/version")).isEqualTo(1);
        }

        @Test
        void releasingAnUnknownHoldIs404AndTwiceIs409() {
            String caseId = closedCase(longAgo());
            String holds = "/api/cases/" + caseId + "/legal-holds";
            assertThat(api.as("rita").post(holds + "/6a0f5d0e-2b44-4d5f-9a57-5d2e5f0c1a01/release",
                    "{\"reason\": \"settled\"}").status()).isEqualTo(404);
            String holdId = api.as("rita").post(holds, HOLD).text("/holdId");
            assertThat(api.as("rita").post(holds + "/" + holdId + "/release", "{\"reason\": \"settled\"}").status())
                    .isEqualTo(200);
            Response again = api.as("rita").post(holds + "/" + holdId + "/release", "{\"reason\": \"settled\"}");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.text("/type")).endsWith("legal-hold-already-released");
            assertThat(api.as("rita").get(holds + "/6a0f5d0e-2b44-4d5f-9a57-5d2e5f0c1a01").status()).isEqualTo(404);
        }
    }

    @Nested
    class Register {

        @Test
        void eachCaseStandsWhereItsDatesPutIt() {
            LocalDate today = today();
            String open = api.as("ada").post("/api/cases", openCase("ada"))
                    .text("/caseId");
            String eligible = closedCase(longAgo());
            String lastDayRetained = closedCase(today.minusYears(7).plusDays(1));
            String firstDayEligible = closedCase(today.minusYears(7));
            // Born 2012: a minor when the case closed, kept until 25 years after birth.
            String minor = closedCase(LocalDate.of(2016, 3, 1), "2012-08-20");

            assertThat(registerEntry(open).at("/status").asString()).isEqualTo("ACTIVE");
            assertThat(registerEntry(open).at("/retainUntil").isNull()).isTrue();
            assertThat(registerEntry(eligible).at("/status").asString()).isEqualTo("ELIGIBLE");
            JsonNode retained = registerEntry(lastDayRetained);
            assertThat(retained.at("/status").asString()).isEqualTo("RETAINED");
            assertThat(retained.at("/retainUntil").asString()).isEqualTo(today.plusDays(1).toString());
            JsonNode firstDay = registerEntry(firstDayEligible);
            assertThat(firstDay.at("/status").asString()).isEqualTo("ELIGIBLE");
            assertThat(firstDay.at("/retainUntil").asString()).isEqualTo(today.toString());
            assertThat(registerEntry(minor).at("/status").asString()).isEqualTo("RETAINED");
            assertThat(registerEntry(minor).at("/retainUntil").asString()).isEqualTo("2037-08-20");
            assertThat(registerEntry(minor).at("/closedOn").asString()).isEqualTo("2016-03-01");
            // Each case the register shows is in the access log.
            assertThat(api.as("ida").get("/api/audit/access?caseId=" + eligible + "&user=rita")
                    .texts("/entries", "action")).contains("READ_RETENTION_REGISTER");
        }

        @Test
        void filtersByStatusAndDueDateAndPagesInDateOrder() {
            LocalDate today = today();
            List<String> mine = new ArrayList<>();
            LocalDate first = longAgo();
            for (int i = 0; i < 3; i++) {
                mine.add(closedCase(first.plusDays(i)));
            }
            List<String> seen = new ArrayList<>();
            List<String> dates = new ArrayList<>();
            String cursor = null;
            do {
                Response page = api.as("ida").get("/api/retention?status=ELIGIBLE&limit=2&dueBefore="
                        + first.plusYears(7).plusDays(3) + (cursor == null ? "" : "&cursor=" + cursor));
                assertThat(page.status()).as(page.toString()).isEqualTo(200);
                assertThat(page.json().at("/cases").size()).isLessThanOrEqualTo(2);
                for (JsonNode entry : page.json().at("/cases")) {
                    assertThat(entry.at("/status").asString()).isEqualTo("ELIGIBLE");
                    assertThat(LocalDate.parse(entry.at("/retainUntil").asString()))
                            .isBefore(first.plusYears(7).plusDays(3)).isBeforeOrEqualTo(today);
                    seen.add(entry.at("/caseId").asString());
                    dates.add(entry.at("/retainUntil").asString());
                }
                cursor = page.json().at("/nextCursor").isNull() ? null : page.text("/nextCursor");
            } while (cursor != null);
            assertThat(seen).containsSubsequence(mine).doesNotHaveDuplicates();
            assertThat(dates).isSorted();
        }

        @Test
        void aPageContinuesWhereTheLastEndedEvenIfItsLastCaseMoved() {
            String first = closedCase(LocalDate.of(1995, 1, 10));
            String second = closedCase(LocalDate.of(1995, 1, 11));
            String third = closedCase(LocalDate.of(1995, 1, 12));
            String query = "/api/retention?status=ELIGIBLE&dueBefore=2002-01-13&limit=1";
            Response page1 = api.as("rita").get(query);
            assertThat(page1.texts("/cases", "caseId")).containsExactly(first);

            assertThat(api.as("ada").post("/api/cases/" + first + "/reopening", "{\"reason\": \"client returned\"}")
                    .status()).isEqualTo(200);
            assertThat(api.as("rita").get("/api/cases/" + first).text("/status")).isEqualTo("OPEN");

            Response page2 = api.as("rita").get(query + "&cursor=" + page1.text("/nextCursor"));
            assertThat(page2.texts("/cases", "caseId")).containsExactly(second);
            Response page3 = api.as("rita").get(query + "&cursor=" + page2.text("/nextCursor"));
            assertThat(page3.texts("/cases", "caseId")).containsExactly(third);
            assertThat(page3.json().at("/nextCursor").isNull()).isTrue();
        }

        @Test
        void badQueriesAre400AndOtherRolesAre403() {
            for (String query : List.of("?status=FORGOTTEN", "?dueBefore=tomorrow", "?dueBefore=0001-01-01",
                    "?limit=0", "?limit=501", "?cursor=nope", "?cursor=" + java.util.Base64.getUrlEncoder()
                            .encodeToString("99999-01-01|6a0f5d0e-2b44-4d5f-9a57-5d2e5f0c1a01".getBytes()))) {
                Response refused = api.as("rita").get("/api/retention" + query);
                assertThat(refused.status()).as(query).isEqualTo(400);
                assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            }
            assertThat(api.as("rita").get("/api/retention?status=eligible").text("/errors/0/message"))
                    .isEqualTo("Must be one of DISPOSED, ON_HOLD, ACTIVE, ELIGIBLE, RETAINED.");
            for (String user : List.of("ada", "grace", "bill")) {
                assertThat(api.as(user).get("/api/retention").status()).as(user).isEqualTo(403);
            }
        }

        @Test
        void theDashboardCountsRecordsBecomingEligibleWithinNinetyDays() {
            LocalDate today = today();
            JsonNode before = api.as("grace").get("/api/dashboard").json().at("/retention");
            LocalDate soonDay = today.plusDays(30);
            String soonMonth = soonDay.toString().substring(0, 7);
            closedCase(soonDay.minusYears(7));
            closedCase(today.minusYears(7).plusDays(120));

            JsonNode after = api.as("bill").get("/api/dashboard").json().at("/retention");

            assertThat(after.at("/horizon").asString()).isEqualTo(today.plusDays(90).toString());
            assertThat(after.at("/becomingEligible").asLong() - before.at("/becomingEligible").asLong())
                    .isGreaterThanOrEqualTo(1);
            assertThat(after.at("/becomingEligibleByMonth/" + soonMonth).asLong())
                    .isGreaterThan(before.at("/becomingEligibleByMonth/" + soonMonth).asLong(0));
            // Counts only: which case becomes eligible when is for the register.
            assertThat(after.toString()).doesNotContain("caseId");
        }
    }

    @Nested
    class Disposal {

        private String disposal(String caseId) {
            return "/api/cases/" + caseId + "/disposal";
        }

        @Test
        void disposalIsRefusedWhileTheCaseIsOpenRetainedOrHeld() {
            String open = api.as("ada").post("/api/cases", openCase("ada"))
                    .text("/caseId");
            assertThat(api.as("rita").post(disposal(open), "{\"reason\": \"tidy up\"}").text("/type"))
                    .endsWith("disposal-of-open-case");
            String retained = closedCase(today().minusYears(7).plusDays(1));
            Response early = api.as("rita").post(disposal(retained), "{\"reason\": \"tidy up\"}");
            assertThat(early.status()).isEqualTo(409);
            assertThat(early.text("/type")).endsWith("retention-period-not-over");
            String held = closedCase(longAgo());
            String holdId = api.as("rita").post("/api/cases/" + held + "/legal-holds", HOLD).text("/holdId");
            Response blocked = api.as("rita").post(disposal(held), "{\"reason\": \"retention ended\"}");
            assertThat(blocked.status()).isEqualTo(409);
            assertThat(blocked.text("/type")).endsWith("legal-hold-blocks-disposal");
            assertThat(api.as("rita").get("/api/cases/" + held + "/disposal-certificate").status()).isEqualTo(404);
            assertThat(api.as("rita").get("/api/cases/" + held).text("/client/name")).isEqualTo("Quincy Vandermeer");

            api.as("rita").post("/api/cases/" + held + "/legal-holds/" + holdId + "/release", "{\"reason\": \"settled\"}");
            assertThat(api.as("rita").post(disposal(held), "{\"reason\": \"retention ended\"}").status()).isEqualTo(200);
        }

        @Test
        void onlyARecordsOfficerDisposesAndBadRequestsAre400() {
            String caseId = closedCase(longAgo());
            for (String user : List.of("ada", "grace", "ida", "bill")) {
                assertThat(api.as(user).post(disposal(caseId), "{\"reason\": \"retention ended\"}").status())
                        .as(user).isEqualTo(403);
            }
            for (String body : List.of("{}", "{\"reason\": \"\"}", "{\"reason\": \"x\", \"force\": true}", "[]")) {
                assertThat(api.as("rita").post(disposal(caseId), body).status()).as(body).isEqualTo(400);
            }
            assertThat(api.as("rita").get("/api/cases/" + caseId).json().at("/disposedAt").isNull()).isTrue();
            assertThat(api.as("rita").post("/api/cases/6a0f5d0e-2b44-4d5f-9a57-5d2e5f0c1a01/disposal",
                    "{\"reason\": \"retention ended\"}").status()).isEqualTo(404);
        }

        @Test
        void aDisposedRecordKeepsItsSkeletonAndLosesItsPersonalData(@Autowired JdbcClient jdbc) {
            String caseId = closedCase(longAgo());
            String caseUrl = "/api/cases/" + caseId;
            assertThat(api.as("rita").post(caseUrl + "/disclosures", """
                    {"recipient": {"name": "Dana Whitfield", "organization": "County Public Guardian"},
                     "purpose": "CONSERVATORSHIP", "description": "treatment summary",
                     "legalBasis": "court order 2026-CV-118"}""").status()).isEqualTo(201);
            String exportId = api.as("rita").post(caseUrl + "/exports", """
                    {"recipient": {"name": "Dana Whitfield"}, "purpose": "CONSERVATORSHIP",
                     "legalBasis": "court order", "format": "JSON"}""").text("/exportId");

            Response disposed = api.as("rita").post(caseUrl + "/disposal", "{\"reason\": \"retention period ended\"}");

            assertThat(disposed.status()).as(disposed.toString()).isEqualTo(200);
            JsonNode certificate = disposed.json();
            assertThat(certificate.at("/caseId").asString()).isEqualTo(caseId);
            assertThat(certificate.at("/method").asString()).isEqualTo("CRYPTO_SHRED");
            assertThat(certificate.at("/disposedBy").asString()).isEqualTo("rita");
            assertThat(certificate.at("/eventsAffected").asLong()).isEqualTo(4);
            assertThat(certificate.at("/chainHead").asString()).matches("[0-9a-f]{64}");
            assertThat(certificate.at("/reason").asString()).isEqualTo("retention period ended");
            assertThat(certificate.at("/retentionPolicy/yearsAfterClosure").asInt()).isEqualTo(7);
            assertThat(certificate.has("retainUntil")).isFalse();
            assertThat(disposed.header("ETag")).isEqualTo("\"4\"");
            // The certificate reads the same later, now confirmed by the seal.
            Response later = api.as("ida").get(caseUrl + "/disposal-certificate");
            assertThat(later.status()).as(later.toString()).isEqualTo(200);
            assertThat(later.json()).isEqualTo(certificate);

            // The case file: the same shape, placeholders for personal data, no date of birth.
            JsonNode file = api.as("rita").get(caseUrl).json();
            assertThat(file.at("/version").asLong()).isEqualTo(4);
            assertThat(file.at("/status").asString()).isEqualTo("CLOSED");
            assertThat(file.at("/disposedAt").asString()).isEqualTo(certificate.at("/disposedAt").asString());
            assertThat(file.at("/client/name").asString()).isEqualTo("[disposed]");
            assertThat(file.at("/client/dateOfBirth").isNull()).isTrue();
            assertThat(file.at("/presentingConcerns").asString()).isEqualTo("[disposed]");
            assertThat(file.at("/closureSummary").asString()).isEqualTo("[disposed]");
            assertThat(file.toString()).doesNotContain("Quincy", "Vandermeer", "panic attacks", "goals met");
            JsonNode disclosures = api.as("rita").get(caseUrl + "/disclosures").json();
            assertThat(disclosures.toString()).doesNotContain("Dana", "Whitfield", "treatment summary", "court order")
                    .contains("CONSERVATORSHIP");
            // History: every event is still there, with its type, times and actor.
            JsonNode history = api.as("ida").get(caseUrl + "/history").json();
            assertThat(history.at("/entries")).hasSize(5);
            assertThat(history.at("/entries/4/type").asString()).isEqualTo("CaseRecordDisposed");
            assertThat(history.at("/entries/0/actor").asString()).isEqualTo("ada");
            assertThat(history.toString()).doesNotContain("Quincy", "panic attacks", "Dana Whitfield");
            // The chain still verifies: it covers the stored ciphertext, which did not change.
            Response verification = api.as("ida").get("/api/audit/verification?caseId=" + caseId);
            assertThat(verification.json().at("/verified").asBoolean()).as(verification.toString()).isTrue();
            // Exports are refused; so is every further command.
            Response export = api.as("rita").get(caseUrl + "/exports/" + exportId);
            assertThat(export.status()).isEqualTo(409);
            assertThat(export.text("/type")).endsWith("case-disposed");
            assertThat(api.as("rita").post(caseUrl + "/exports", """
                    {"recipient": {"name": "Dana Whitfield"}, "purpose": "CONSERVATORSHIP",
                     "legalBasis": "court order", "format": "JSON"}""").status()).isEqualTo(409);
            assertThat(api.as("ada").post(caseUrl + "/reopening", "{\"reason\": \"client returned\"}").text("/type"))
                    .endsWith("case-disposed");
            assertThat(api.as("rita").post(caseUrl + "/legal-holds", HOLD).status()).isEqualTo(409);
            assertThat(api.as("rita").post(caseUrl + "/disposal", "{\"reason\": \"again\"}").status()).isEqualTo(409);
            JsonNode registered = registerEntry(caseId);
            assertThat(registered.at("/status").asString()).isEqualTo("DISPOSED");
            assertThat(registered.at("/retainUntil").isNull()).isTrue();
            // The caseload read model too (closed cases are not on a caseload's page).
            assertThat(jdbc.sql("SELECT client_name FROM caseload_entry WHERE case_id = ?::uuid").param(caseId)
                    .query(String.class).single()).isEqualTo("[disposed]");
        }

        @Test
        void aReplayOfTheReadModelsRebuildsADisposedCaseExactlyAsDisposalLeftIt() {
            String caseId = closedCase(longAgo());
            String caseUrl = "/api/cases/" + caseId;
            assertThat(api.as("rita").post(caseUrl + "/disposal", "{\"reason\": \"retention period ended\"}").status())
                    .isEqualTo(200);
            JsonNode before = api.as("rita").get(caseUrl).json();

            for (String model : List.of("case-file", "caseload")) {
                assertThat(api.as("rita").post("/api/admin/projections/" + model + "/replay", "").status())
                        .isEqualTo(202);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    JsonNode status = api.as("rita").get("/api/admin/projections/" + model).json();
                    assertThat(status.at("/replaying").asBoolean()).isFalse();
                    assertThat(status.at("/caughtUp").asBoolean()).isTrue();
                });
            }

            JsonNode after = api.as("rita").get(caseUrl).json();
            assertThat(after).isEqualTo(before);
            assertThat(after.at("/client/name").asString()).isEqualTo("[disposed]");
            assertThat(registerEntry(caseId).at("/status").asString()).isEqualTo("DISPOSED");
        }

        @Test
        void aMeetingsNotesAndAttendeesAreGoneAfterDisposalButTheMeetingRemains() {
            LocalDate closedOn = longAgo();
            String caseId = api.as("ada").post("/api/cases", """
                    {"client": {"name": "Quincy Vandermeer", "dateOfBirth": "1970-05-05"},
                     "caseManagerId": "ada", "openedOn": "%s"}""".formatted(closedOn.minusDays(30))).text("/caseId");
            String caseUrl = "/api/cases/" + caseId;
            Instant occurredAt = closedOn.minusDays(10).atTime(10, 0).toInstant(ZoneOffset.UTC);
            assertThat(api.as("ada").post(caseUrl + "/meetings", meeting(occurredAt, 45)).status()).isEqualTo(201);
            assertThat(api.as("ada").post(caseUrl + "/closure", """
                    {"reason": "RELEASED_FROM_TREATMENT", "closedOn": "%s"}""".formatted(closedOn)).status())
                    .isEqualTo(200);

            assertThat(api.as("rita").post(caseUrl + "/disposal", "{\"reason\": \"retention period ended\"}")
                    .status()).isEqualTo(200);

            JsonNode meetingAfter = api.as("rita").get(caseUrl).json().at("/meetings/0");
            assertThat(meetingAfter.at("/occurredAt").asString()).isEqualTo(occurredAt.toString());
            assertThat(meetingAfter.at("/durationMinutes").asInt()).isEqualTo(45);
            assertThat(meetingAfter.at("/type").asString()).isEqualTo("FAMILY");
            assertThat(meetingAfter.at("/notes").asString()).isEqualTo("[disposed]");
            assertThat(meetingAfter.at("/attendees/0/name").asString()).isEqualTo("[disposed]");
            assertThat(meetingAfter.at("/attendees/0/role").asString()).isEqualTo("mother");
        }
    }
}
