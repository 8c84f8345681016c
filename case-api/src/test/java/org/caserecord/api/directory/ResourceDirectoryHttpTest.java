package org.caserecord.api.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.caserecord.api.support.CaseJson.openCase;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The resource directory over HTTP: registering, updating and retiring resources, searching
 * them, and referrals that record a resource as it was when they were made. The database is
 * shared with other tests, so each test searches for names of its own.
 */
@ApiTest
class ResourceDirectoryHttpTest {

    private final HttpApi api;

    ResourceDirectoryHttpTest(HttpApi api) {
        this.api = api;
    }

    private static String resource(String name, String type, String contact) {
        return """
                {"name": "%s", "type": "%s", "contact": "%s", "address": "12 Main St, Springfield",
                 "languages": ["English", "Spanish"], "acceptedPayers": ["MCD-CA", "Self-pay"],
                 "notes": "Walk-ins on Tuesdays"}""".formatted(name, type, contact);
    }

    private String register(String name, String type) {
        Response created = api.as("ada").post("/api/resources", resource(name, type, "+1 555 0100"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("/resourceId");
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private List<String> found(String query) {
        Response response = api.as("ben").get("/api/resources?" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.texts("/resources", "name");
    }

    @Test
    void aRegisteredResourceIsFoundAndShownWithItsVersion() {
        String name = unique("Eastside Housing");
        Response created = api.as("ada").post("/api/resources", resource(name, "HOUSING", "+1 555 0100"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("/resourceId");
        assertThat(created.header("Location")).isEqualTo("/api/resources/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        // Found right after the write, by any signed-in role.
        assertThat(found("q=" + name.replace(' ', '+'))).containsExactly(name);
        Response shown = api.as("bill").get("/api/resources/" + id);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.header("ETag")).isEqualTo("\"0\"");
        JsonNode view = shown.json();
        assertThat(view.at("/type").asString()).isEqualTo("HOUSING");
        assertThat(view.at("/contact").asString()).isEqualTo("+1 555 0100");
        assertThat(view.at("/languages/1").asString()).isEqualTo("Spanish");
        assertThat(view.at("/acceptedPayers/0").asString()).isEqualTo("MCD-CA");
        assertThat(view.at("/status").asString()).isEqualTo("ACTIVE");
        assertThat(view.at("/registeredBy").asString()).isEqualTo("ada");
    }

    @Test
    void everyChangeIsInTheResourcesHistoryAndItsHashChain() {
        String name = unique("Audited Clinic");
        String id = register(name, "MEDICAL");
        api.as("ben").put("/api/resources/" + id, resource(name + " North", "MEDICAL", "+1 555 0111"));
        api.as("grace").post("/api/resources/" + id + "/retirement", "{\"reason\": \"closed\"}");

        Response history = api.as("ida").get("/api/resources/" + id + "/history");

        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        assertThat(history.texts("/changes", "type"))
                .containsExactly("ResourceRegistered", "ResourceUpdated", "ResourceRetired");
        assertThat(history.texts("/changes", "actor")).containsExactly("ada", "ben", "grace");
        assertThat(history.text("/changes/1/payload/details/contact")).isEqualTo("+1 555 0111");
        assertThat(history.text("/changes/2/payload/reason")).isEqualTo("closed");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode verification = api.as("ida").get("/api/audit/verification?caseId=" + id).json();
            assertThat(verification.at("/verified").asBoolean()).as(verification.toString()).isTrue();
            assertThat(verification.at("/eventsChecked").asLong()).isEqualTo(3);
        });
    }

    @Test
    void searchCombinesTypeTextLanguageAndPayer() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String counseling = "Harbor Counseling " + tag;
        String crisis = "Crisis Line " + tag;
        register(counseling, "COUNSELING");
        api.as("grace").post("/api/resources", """
                {"name": "%s", "type": "CRISIS", "contact": "988", "languages": ["Vietnamese"],
                 "acceptedPayers": []}""".formatted(crisis));

        assertThat(found("q=" + tag)).containsExactly(crisis, counseling);
        assertThat(found("q=" + tag + "&type=COUNSELING")).containsExactly(counseling);
        assertThat(found("q=" + tag + "&language=vietnamese")).containsExactly(crisis);
        assertThat(found("q=" + tag + "&payer=mcd-ca")).containsExactly(counseling);
        assertThat(found("q=" + tag + "&type=CRISIS&payer=MCD-CA")).isEmpty();

        Response first = api.as("ada").get("/api/resources?limit=1&q=" + tag);
        assertThat(first.texts("/resources", "name")).containsExactly(crisis);
        Response second = api.as("ada").get("/api/resources?limit=1&q=" + tag + "&cursor=" + first.text("/nextCursor"));
        assertThat(second.texts("/resources", "name")).containsExactly(counseling);
        assertThat(second.json().at("/nextCursor").isNull()).isTrue();
    }

    @Test
    void anUpdateReplacesTheDetailsAndRetirementRemovesTheResourceFromSearches() {
        String name = unique("Peer Circle");
        String id = register(name, "PEER_SUPPORT");
        String renamed = name + " West";

        Response updated = api.as("ben").put("/api/resources/" + id, resource(renamed, "PEER_SUPPORT", "+1 555 0199"));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.number("/version")).isEqualTo(1);
        assertThat(found("q=" + renamed.replace(' ', '+'))).containsExactly(renamed);
        // Saving the same details again appends nothing.
        assertThat(api.as("ben").put("/api/resources/" + id, resource(renamed, "PEER_SUPPORT", "+1 555 0199"))
                .number("/version")).isEqualTo(1);
        // A stale If-Match is 412 and changes nothing.
        Response stale = api.as("ben").header("If-Match", "\"0\"")
                .put("/api/resources/" + id, resource(name, "PEER_SUPPORT", "x"));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");

        assertThat(api.as("ben").post("/api/resources/" + id + "/retirement", "{}").status()).isEqualTo(403);
        Response retired = api.as("grace").post("/api/resources/" + id + "/retirement", "{\"reason\": \"merged\"}");
        assertThat(retired.status()).as(retired.toString()).isEqualTo(200);
        assertThat(retired.text("/status")).isEqualTo("RETIRED");
        assertThat(found("q=" + renamed.replace(' ', '+'))).isEmpty();
        assertThat(found("includeRetired=true&q=" + renamed.replace(' ', '+'))).containsExactly(renamed);
        assertThat(api.as("ada").get("/api/resources/" + id).text("/retirementReason")).isEqualTo("merged");

        Response again = api.as("grace").post("/api/resources/" + id + "/retirement", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("/type")).endsWith("resource-retired");
        assertThat(api.as("ada").put("/api/resources/" + id, resource(name, "PEER_SUPPORT", "x")).status())
                .isEqualTo(409);
    }

    @Test
    void aReferralRecordsTheResourceAsItWasWhenTheReferralWasMade() {
        String name = unique("Eastside Housing");
        String resourceId = register(name, "HOUSING");
        String caseUrl = "/api/cases/" + api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");

        Response referral = api.as("ada").post(caseUrl + "/referrals", """
                {"resourceId": "%s", "reason": "needs stable housing", "urgency": "URGENT"}""".formatted(resourceId));
        assertThat(referral.status()).as(referral.toString()).isEqualTo(201);
        String referralUrl = caseUrl + "/referrals/" + referral.text("/referralId");

        api.as("ada").put("/api/resources/" + resourceId, resource("Renamed Housing", "HOUSING", "+1 555 0999"));

        JsonNode provider = api.as("ada").get(referralUrl).json().at("/provider");
        assertThat(provider.at("/name").asString()).isEqualTo(name);
        assertThat(provider.at("/type").asString()).isEqualTo("HOUSING");
        assertThat(provider.at("/contact").asString()).isEqualTo("+1 555 0100");
        assertThat(provider.at("/resourceId").asString()).isEqualTo(resourceId);
        // The history keeps it too: an auditor reads the referral event as it was recorded.
        JsonNode history = api.as("ida").get(caseUrl + "/history?type=ReferralAdded").json();
        assertThat(history.toString()).contains(name).doesNotContain("Renamed Housing");

        // A referral made now records the directory's new details.
        Response later = api.as("ada").post(caseUrl + "/referrals", """
                {"resourceId": "%s", "urgency": "ROUTINE"}""".formatted(resourceId));
        assertThat(api.as("ada").get(caseUrl + "/referrals/" + later.text("/referralId")).text("/provider/name"))
                .isEqualTo("Renamed Housing");
    }

    @Test
    void aRetiredResourceCannotBeReferredTo() {
        String resourceId = register(unique("Old Clinic"), "MEDICAL");
        api.as("grace").post("/api/resources/" + resourceId + "/retirement", "");
        String caseUrl = "/api/cases/" + api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");

        Response referral = api.as("ada").post(caseUrl + "/referrals", """
                {"resourceId": "%s", "urgency": "ROUTINE"}""".formatted(resourceId));

        assertThat(referral.status()).as(referral.toString()).isEqualTo(409);
        assertThat(referral.text("/type")).endsWith("resource-retired");
        assertThat(api.as("ada").get(caseUrl).json().at("/referrals")).isEmpty();
        Response plan = api.as("ada").put(caseUrl + "/treatment-plan", """
                {"goals": [{"description": "stable housing"}],
                 "interventions": [{"description": "housing support", "resourceId": "%s"}]}""".formatted(resourceId));
        assertThat(plan.status()).as(plan.toString()).isEqualTo(409);
    }

    @Test
    void anInterventionMayNameAResourceOfTheDirectory() {
        String name = unique("Harbor Counseling");
        String resourceId = register(name, "COUNSELING");
        String caseUrl = "/api/cases/" + api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");

        Response plan = api.as("ada").put(caseUrl + "/treatment-plan", """
                {"goals": [{"description": "fewer panic attacks"}],
                 "interventions": [{"description": "CBT", "resourceId": "%s", "frequency": "weekly"},
                                   {"description": "walks", "frequency": "daily"}]}""".formatted(resourceId));

        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        JsonNode interventions = api.as("ada").get(caseUrl).json().at("/treatmentPlan/interventions");
        assertThat(interventions.at("/0/provider/name").asString()).isEqualTo(name);
        assertThat(interventions.at("/0/provider/resourceId").asString()).isEqualTo(resourceId);
        assertThat(interventions.at("/1/provider").isNull()).isTrue();
    }

    @Test
    void badInputIs400AndChangesNothing() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (String body : List.of(
                "{\"type\": \"HOUSING\", \"contact\": \"x\", \"notes\": \"" + tag + "\"}",
                "{\"name\": \"" + tag + "\", \"type\": \"SPA\", \"contact\": \"x\"}",
                "{\"name\": \"" + tag + "\", \"type\": \"HOUSING\"}",
                "{\"name\": \"" + tag + "\", \"type\": \"HOUSING\", \"contact\": \"x\", \"address\": \" \"}",
                "{\"name\": \"" + tag + "\", \"type\": \"HOUSING\", \"contact\": \"x\", \"languages\": [\"\"]}",
                "{\"name\": \"" + tag + "\", \"type\": \"HOUSING\", \"contact\": \"x\", \"colour\": \"red\"}",
                "{\"name\": \"" + tag + "\"", "[]")) {
            Response refused = api.as("ada").post("/api/resources", body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(found("includeRetired=true&q=" + tag)).isEmpty();
        assertThat(api.as("ada").get("/api/resources?type=SPA").status()).isEqualTo(400);
        assertThat(api.as("ada").get("/api/resources?limit=0").status()).isEqualTo(400);
        assertThat(api.as("ada").get("/api/resources?cursor=nonsense").status()).isEqualTo(400);
        assertThat(api.as("ada").get("/api/resources/not-a-uuid").status()).isEqualTo(400);
        // Writes by roles that do not keep the directory.
        assertThat(api.as("ida").post("/api/resources", resource(tag, "LEGAL", "x")).status()).isEqualTo(403);
        assertThat(api.as("bill").post("/api/resources", resource(tag, "LEGAL", "x")).status()).isEqualTo(403);
        assertThat(api.anonymous().get("/api/resources").status()).isEqualTo(401);
    }

    @Test
    void unknownResourcesAreNotFoundAndACaseIsNoResource() {
        String caseId = api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
        for (String id : List.of(UUID.randomUUID().toString(), caseId)) {
            Response shown = api.as("ada").get("/api/resources/" + id);
            assertThat(shown.status()).isEqualTo(404);
            assertThat(shown.text("/type")).endsWith("resource-not-found");
            assertThat(api.as("ida").get("/api/resources/" + id + "/history").status()).isEqualTo(404);
            assertThat(api.as("ada").put("/api/resources/" + id, resource("x", "LEGAL", "x")).status())
                    .isEqualTo(404);
            assertThat(api.as("grace").post("/api/resources/" + id + "/retirement", "").status()).isEqualTo(404);
        }
        // The case is untouched: still version 0.
        assertThat(api.as("ada").get("/api/cases/" + caseId).header("ETag")).isEqualTo("\"0\"");

        String caseUrl = "/api/cases/" + caseId;
        Response unknown = api.as("ada").post(caseUrl + "/referrals", """
                {"resourceId": "%s", "urgency": "ROUTINE"}""".formatted(UUID.randomUUID()));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("/errors/0/field")).isEqualTo("resourceId");
        Response both = api.as("ada").post(caseUrl + "/referrals", """
                {"resourceId": "%s", "provider": {"name": "x", "type": "y"}, "urgency": "ROUTINE"}"""
                .formatted(register(unique("Both"), "LEGAL")));
        assertThat(both.status()).isEqualTo(400);
        Response neither = api.as("ada").post(caseUrl + "/referrals", "{\"urgency\": \"ROUTINE\"}");
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.text("/errors/0/field")).isEqualTo("provider");
        assertThat(api.as("ada").get(caseUrl).json().at("/referrals")).isEmpty();
    }

    @Test
    void theDashboardShowsWhatBecameOfEachResourcesReferrals() {
        String name = unique("Stats Housing");
        String resourceId = register(name, "HOUSING");
        String caseUrl = "/api/cases/" + api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
        String[] referrals = new String[3];
        for (int i = 0; i < referrals.length; i++) {
            referrals[i] = api.as("ada").post(caseUrl + "/referrals", """
                    {"resourceId": "%s", "urgency": "ROUTINE"}""".formatted(resourceId)).text("/referralId");
        }
        assertThat(api.as("ada").post(caseUrl + "/referrals/" + referrals[0] + "/outcome",
                "{\"outcome\": \"ACCEPTED\"}").status()).isEqualTo(200);
        Response declined = api.as("ada").post(caseUrl + "/referrals/" + referrals[1] + "/outcome",
                "{\"outcome\": \"DECLINED\", \"reason\": \"waiting list closed\", \"declineReason\": \"NO_CAPACITY\"}");
        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        assertThat(api.as("ada").get(caseUrl + "/referrals/" + referrals[1]).text("/declineReason"))
                .isEqualTo("NO_CAPACITY");
        Response misplaced = api.as("ada").post(caseUrl + "/referrals/" + referrals[2] + "/outcome",
                "{\"outcome\": \"ACCEPTED\", \"declineReason\": \"NO_CAPACITY\"}");
        assertThat(misplaced.status()).isEqualTo(400);
        assertThat(misplaced.text("/errors/0/field")).isEqualTo("declineReason");

        LocalDate today = LocalDate.now();
        JsonNode dashboard = api.as("ida").get("/api/dashboard?from=" + today.minusDays(1) + "&to=" + today.plusDays(1))
                .json();
        JsonNode stats = null;
        for (JsonNode resource : dashboard.at("/referralsByResource")) {
            if (resource.at("/resourceId").asString().equals(resourceId)) {
                stats = resource;
            }
        }
        assertThat(stats).as(dashboard.toString()).isNotNull();
        assertThat(stats.at("/name").asString()).isEqualTo(name);
        assertThat(stats.at("/referrals").asLong()).isEqualTo(3);
        assertThat(stats.at("/accepted").asLong()).isEqualTo(1);
        assertThat(stats.at("/declined").asLong()).isEqualTo(1);
        assertThat(stats.at("/declinedByReason/NO_CAPACITY").asLong()).isEqualTo(1);
        assertThat(stats.at("/pending").asLong()).isEqualTo(1);
        assertThat(stats.at("/medianDaysToAnswer").isNumber()).isTrue();
        // Counts only: nothing a case manager wrote about the client.
        assertThat(dashboard.toString()).doesNotContain("waiting list closed");
    }
}
