package org.caserecord.api.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserecord.api.support.CaseJson.openCase;
import static org.caserecord.api.support.ClinicalJson.goalProgress;
import static org.caserecord.api.support.ClinicalJson.keptGoal;
import static org.caserecord.api.support.ClinicalJson.newGoal;
import static org.caserecord.api.support.ClinicalJson.treatmentPlan;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@ApiTest
class TreatmentPlanHttpTest {

    private static final String UNKNOWN_GOAL = "7d1c6a6e-0000-4000-8000-000000000002";

    private final HttpApi api;
    String caseUrl;

    TreatmentPlanHttpTest(HttpApi api) {
        this.api = api;
    }

    @BeforeEach
    void setUp() {
        Response created = api.as("ada").post("/api/cases", openCase("ada"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        caseUrl = "/api/cases/" + created.text("/caseId");
    }

    private Response setPlan(String body) {
        Response saved = api.as("ada").put(caseUrl + "/treatment-plan", body);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        return saved;
    }

    private String goalIdOfCurrentPlan(int index) {
        return api.as("ada").get(caseUrl).json().at("/treatmentPlan/goals/" + index + "/goalId").asString();
    }

    private static Instant anHourAgo() {
        return Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    }

    private int eventCount() {
        return api.as("ada").get(caseUrl + "/history").json().at("/entries").size();
    }

    @Test
    void settingTheFirstPlanAnswers200WithPlanVersion1AndTheCaseVersion() {
        Response saved = api.as("ada").put(caseUrl + "/treatment-plan",
                treatmentPlan(newGoal("sleep seven hours"), newGoal("return to work part time")));

        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.number("/planVersion")).isEqualTo(1);
        assertThat(saved.number("/version")).isEqualTo(1);
        assertThat(saved.header("ETag")).isEqualTo("\"1\"");

        JsonNode caseFile = api.as("ada").get(caseUrl).json();
        JsonNode plan = caseFile.at("/treatmentPlan");
        assertThat(plan.at("/planVersion").asInt()).isEqualTo(1);
        assertThat(plan.at("/goals").size()).isEqualTo(2);
        assertThat(plan.at("/goals/0/goalId").asString()).matches("[0-9a-f-]{36}");
        assertThat(plan.at("/goals/0/description").asString()).isEqualTo("sleep seven hours");
        assertThat(plan.at("/goals/1/targetDate").asString()).isEqualTo("2027-03-31");
        assertThat(plan.at("/interventions/0/description").asString()).isEqualTo("weekly CBT");
        assertThat(plan.at("/interventions/0/provider/name").asString()).isEqualTo("Northside Counseling");
        assertThat(plan.at("/interventions/0/frequency").asString()).isEqualTo("weekly");
        assertThat(plan.at("/reviewBy").asString()).isEqualTo("2027-06-30");
        assertThat(plan.at("/recordedBy").asString()).isEqualTo("ada");
        assertThat(caseFile.at("/treatmentPlanVersions").size()).isEqualTo(1);
    }

    @Test
    void aSecondPlanKeepsAGoalByItsIdAndKeepsTheEarlierVersion() {
        setPlan(treatmentPlan(newGoal("sleep seven hours"), newGoal("return to work part time")));
        String kept = goalIdOfCurrentPlan(0);
        String dropped = goalIdOfCurrentPlan(1);

        Response second = setPlan(treatmentPlan(keptGoal(kept, "sleep seven hours nightly"),
                newGoal("join a walking group")));

        assertThat(second.number("/planVersion")).isEqualTo(2);
        assertThat(second.number("/version")).isEqualTo(2);
        JsonNode caseFile = api.as("ada").get(caseUrl).json();
        assertThat(caseFile.at("/treatmentPlan/planVersion").asInt()).isEqualTo(2);
        assertThat(caseFile.at("/treatmentPlan/goals/0/goalId").asString()).isEqualTo(kept);
        assertThat(caseFile.at("/treatmentPlan/goals/0/description").asString())
                .isEqualTo("sleep seven hours nightly");
        String added = caseFile.at("/treatmentPlan/goals/1/goalId").asString();
        assertThat(added).isNotIn(kept, dropped);
        JsonNode versions = caseFile.at("/treatmentPlanVersions");
        assertThat(versions.size()).isEqualTo(2);
        assertThat(versions.get(0).at("/planVersion").asInt()).isEqualTo(1);
        assertThat(versions.get(0).at("/goals/1/goalId").asString()).isEqualTo(dropped);
        assertThat(versions.get(0).at("/goals/0/description").asString()).isEqualTo("sleep seven hours");
        assertThat(versions.get(1).at("/planVersion").asInt()).isEqualTo(2);
    }

    @Test
    void aPlanNamingAGoalIdThatIsNotInTheCurrentPlanIs400() {
        setPlan(treatmentPlan(newGoal("sleep seven hours")));

        Response response = api.as("ada").put(caseUrl + "/treatment-plan",
                treatmentPlan(newGoal("walk daily"), keptGoal(UNKNOWN_GOAL, "invented")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/code")).isEqualTo("UNKNOWN_GOAL_IN_PLAN");
        assertThat(response.text("/errors/0/field")).isEqualTo("goals[1].goalId");
        assertThat(eventCount()).isEqualTo(2);
    }

    @Test
    void aGoalDroppedFromThePlanCannotBeCarriedOverLater() {
        setPlan(treatmentPlan(newGoal("sleep seven hours"), newGoal("return to work")));
        String dropped = goalIdOfCurrentPlan(1);
        setPlan(treatmentPlan(keptGoal(goalIdOfCurrentPlan(0), "sleep seven hours")));

        Response response = api.as("ada").put(caseUrl + "/treatment-plan",
                treatmentPlan(keptGoal(dropped, "return to work")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/code")).isEqualTo("UNKNOWN_GOAL_IN_PLAN");
    }

    @Test
    void aPlanNamingTheSameGoalTwiceIs400() {
        setPlan(treatmentPlan(newGoal("sleep seven hours")));
        String goalId = goalIdOfCurrentPlan(0);

        Response response = api.as("ada").put(caseUrl + "/treatment-plan",
                treatmentPlan(keptGoal(goalId, "sleep"), keptGoal(goalId, "sleep again")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/code")).isEqualTo("DUPLICATE_GOAL_IN_PLAN");
        assertThat(response.text("/errors/0/field")).isEqualTo("goals[1].goalId");
    }

    @Test
    void aGoalWithABlankDescriptionIs400WithItsPath() {
        Response response = api.as("ada").put(caseUrl + "/treatment-plan", treatmentPlan(newGoal(" ")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/errors/0/field")).isEqualTo("goals[0].description");
        assertThat(eventCount()).isEqualTo(1);
    }

    @Test
    void concurrentPlansAllLandWithContiguousPlanVersions() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String goal = newGoal("goal " + i);
                calls.add(() -> api.as("ada").put(caseUrl + "/treatment-plan", treatmentPlan(goal)));
            }
            List<Long> planVersions = new ArrayList<>();
            for (Future<Response> result : pool.invokeAll(calls)) {
                assertThat(result.get().status()).as(result.get().toString()).isEqualTo(200);
                planVersions.add(result.get().number("/planVersion"));
            }
            assertThat(planVersions).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
            JsonNode caseFile = api.as("ada").get(caseUrl).json();
            assertThat(caseFile.at("/treatmentPlanVersions").size()).isEqualTo(4);
            assertThat(caseFile.at("/treatmentPlan/planVersion").asInt()).isEqualTo(4);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPlanWithoutGoalsListIs400() {
        Response response = api.as("ada").put(caseUrl + "/treatment-plan", "{\"reviewBy\": \"2027-06-30\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/errors/0/field")).isEqualTo("goals");
    }

    @Test
    void recordingProgressTowardsAGoalAnswers201AndTheCaseShowsIt() {
        setPlan(treatmentPlan(newGoal("sleep seven hours")));
        String goalId = goalIdOfCurrentPlan(0);
        Instant occurredAt = anHourAgo();

        Response recorded = api.as("ada").post(caseUrl + "/treatment-plan/goals/" + goalId + "/progress",
                goalProgress(occurredAt, "SOME"));

        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        String progressId = recorded.text("/progressId");
        assertThat(progressId).matches("[0-9a-f-]{36}");
        assertThat(recorded.number("/version")).isEqualTo(2);
        assertThat(recorded.header("ETag")).isEqualTo("\"2\"");
        assertThat(recorded.header("Location")).isEqualTo(caseUrl + "/goal-progress/" + progressId);

        JsonNode entry = api.as("ada").get(caseUrl).json().at("/goalProgress/0");
        assertThat(entry.at("/progressId").asString()).isEqualTo(progressId);
        assertThat(entry.at("/goalId").asString()).isEqualTo(goalId);
        assertThat(entry.at("/rating").asString()).isEqualTo("SOME");
        assertThat(entry.at("/occurredAt").asString()).isEqualTo(occurredAt.toString());
        assertThat(entry.at("/note").asString()).isEqualTo("walked to the shop alone");
        Response read = api.as("ada").get(recorded.header("Location"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("/goalId")).isEqualTo(goalId);
    }

    @Test
    void progressTowardsAGoalCarriedOverIsAllowed() {
        setPlan(treatmentPlan(newGoal("sleep seven hours")));
        String goalId = goalIdOfCurrentPlan(0);
        setPlan(treatmentPlan(keptGoal(goalId, "sleep eight hours")));

        assertThat(api.as("ada").post(caseUrl + "/treatment-plan/goals/" + goalId + "/progress",
                goalProgress(anHourAgo(), "SIGNIFICANT")).status()).isEqualTo(201);
    }

    @Test
    void progressTowardsAnUnknownGoalIs404() {
        setPlan(treatmentPlan(newGoal("sleep seven hours")));

        Response response = api.as("ada").post(caseUrl + "/treatment-plan/goals/" + UNKNOWN_GOAL + "/progress",
                goalProgress(anHourAgo(), "SOME"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("/code")).isEqualTo("GOAL_NOT_FOUND");
        assertThat(eventCount()).isEqualTo(2);
    }

    @Test
    void progressTowardsAGoalNoLongerInThePlanIs404() {
        setPlan(treatmentPlan(newGoal("sleep seven hours"), newGoal("return to work")));
        String dropped = goalIdOfCurrentPlan(1);
        setPlan(treatmentPlan(keptGoal(goalIdOfCurrentPlan(0), "sleep seven hours")));

        Response response = api.as("ada").post(caseUrl + "/treatment-plan/goals/" + dropped + "/progress",
                goalProgress(anHourAgo(), "SOME"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("/code")).isEqualTo("GOAL_NOT_FOUND");
    }

    @Test
    void progressOnACaseWithoutPlanIs404() {
        Response response = api.as("ada").post(caseUrl + "/treatment-plan/goals/" + UNKNOWN_GOAL + "/progress",
                goalProgress(anHourAgo(), "SOME"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("/code")).isEqualTo("GOAL_NOT_FOUND");
    }

    @Test
    void progressWithABadRatingIs400() {
        setPlan(treatmentPlan(newGoal("sleep seven hours")));

        Response response = api.as("ada").post(caseUrl + "/treatment-plan/goals/" + goalIdOfCurrentPlan(0)
                + "/progress", goalProgress(anHourAgo(), "HUGE"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/errors/0/field")).isEqualTo("rating");
    }
}
