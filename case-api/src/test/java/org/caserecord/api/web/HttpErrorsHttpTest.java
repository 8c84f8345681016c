package org.caserecord.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserecord.api.support.CaseJson.openCase;

import java.nio.charset.StandardCharsets;

import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.Test;

/** Every error is problem+json, says what is wrong, and leaks neither stack traces nor request values. */
@ApiTest
class HttpErrorsHttpTest {

    private final HttpApi api;


    private static void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().at("/status").asInt()).isEqualTo(status);
        assertThat(response.text("/type")).startsWith("urn:caserecord:problem:");
        assertThat(response.text("/title")).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "trace");
    }

    HttpErrorsHttpTest(HttpApi api) {
        this.api = api;
    }

    @Test
    void malformedJsonIs400() {
        Response response = api.as("ada").post("/api/cases", "{\"client\": {\"name\": ");

        assertProblem(response, 400);
        assertThat(response.text("/detail")).contains("well-formed JSON");
    }

    /** Years java.time reads but PostgreSQL cannot store would stop a read model: refused at the door. */
    @Test
    void datesOutsideTheYears1900To9999Are400AndChangeNothing() {
        Response birth = api.as("ada").post("/api/cases",
                "{\"client\": {\"name\": \"Jo\", \"dateOfBirth\": \"-9999-01-01\"}}");
        assertThat(birth.status()).isEqualTo(400);
        assertThat(birth.header("Content-Type")).startsWith("application/problem+json");
        assertThat(birth.text("/errors/0/field")).isEqualTo("client.dateOfBirth");
        assertThat(birth.text("/errors/0/message")).isEqualTo("Must lie between the years 1900 and 9999.");

        String caseUrl = "/api/cases/" + api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
        Response meeting = api.as("ada").post(caseUrl + "/meetings",
                "{\"type\": \"CLIENT\", \"occurredAt\": \"-100000-01-01T00:00:00Z\", \"durationMinutes\": 30}");
        assertThat(meeting.status()).isEqualTo(400);
        assertThat(meeting.text("/errors/0/field")).isEqualTo("occurredAt");
        assertThat(api.as("ada").get(caseUrl).number("/version")).isZero();
        // A well-formed date in range is still read as before.
        assertThat(api.as("ada").post("/api/cases",
                "{\"client\": {\"name\": \"Jo\", \"dateOfBirth\": \"1900-01-01\"}}").status()).isEqualTo(201);
    }

    @Test
    void anUnknownFieldIs400NamingTheField() {
        Response response = api.as("ada").post("/api/cases",
                "{\"client\": {\"name\": \"Jo\", \"dateOfBirth\": \"1990-01-01\"}, \"status\": \"CLOSED\"}");

        assertProblem(response, 400);
        assertThat(response.text("/errors/0/field")).isEqualTo("status");
    }

    @Test
    void missingRequiredFieldsAre400WithEveryFieldListed() {
        Response response = api.as("ada").post("/api/cases", "{\"client\": {}}");

        assertProblem(response, 400);
        assertThat(response.texts("/errors", "field"))
                .containsExactlyInAnyOrder("client.dateOfBirth", "client.name");
    }

    @Test
    void aBadValueIs400WithoutEchoingTheValue() {
        Response response = api.as("ada").post("/api/cases",
                "{\"client\": {\"name\": \"Jo\", \"dateOfBirth\": \"Jordan-secret-value\"}}");

        assertProblem(response, 400);
        assertThat(response.text("/errors/0/field")).isEqualTo("client.dateOfBirth");
        assertThat(response.body()).doesNotContain("Jordan-secret-value");
    }

    @Test
    void aFieldGivenTwiceIs400() {
        Response response = api.as("ada").post("/api/cases",
                "{\"client\": {\"name\": \"Jo\", \"name\": \"Al\", \"dateOfBirth\": \"1990-01-01\"}}");

        assertProblem(response, 400);
        assertThat(response.text("/detail")).contains("more than once");
    }

    @Test
    void aNumberSentAsTextIs400() {
        String caseId = api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");

        Response response = api.as("ada").post("/api/cases/" + caseId + "/meetings",
                "{\"type\": \"CLIENT\", \"occurredAt\": \"2026-01-20T15:00:00Z\", \"durationMinutes\": \"45\"}");

        assertProblem(response, 400);
        assertThat(response.text("/errors/0/field")).isEqualTo("durationMinutes");
    }

    @Test
    void aBodyThatIsNotAnObjectIs400() {
        assertProblem(api.as("ada").post("/api/cases", "[]"), 400);
    }

    @Test
    void aChunkedBodyGrowingPastTheLimitIs413() {
        String body = "{\"client\": {\"name\": \"" + "x".repeat(1100 * 1024) + "\", \"dateOfBirth\": \"1990-01-01\"}}";

        Response response = api.as("ada").postChunked("/api/cases", body);

        assertProblem(response, 413);
    }

    @Test
    void aWrongContentTypeIs415() {
        Response response = api.as("ada").post("/api/cases", "text/plain",
                openCase("ada").getBytes(StandardCharsets.UTF_8));

        assertProblem(response, 415);
    }

    @Test
    void aBodyOverOneMebibyteIs413() {
        String padding = "x".repeat(1024 * 1024);
        String body = "{\"client\": {\"name\": \"" + padding + "\", \"dateOfBirth\": \"1990-01-01\"}}";

        assertProblem(api.as("ada").post("/api/cases", body), 413);
    }

    @Test
    void aBodyJustUnderTheLimitIsReadAndValidated() {
        String padding = "x".repeat(1000 * 1000);
        String body = "{\"client\": {\"name\": \"" + padding + "\", \"dateOfBirth\": \"1990-01-01\"}}";

        Response response = api.as("ada").post("/api/cases", body);

        assertProblem(response, 400);
        assertThat(response.text("/errors/0/field")).isEqualTo("client.name");
    }

    @Test
    void noCredentialsIs401WithABasicChallenge() {
        Response response = api.anonymous().get("/api/caseloads/ada");

        assertProblem(response, 401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic realm=");
    }

    @Test
    void aWrongPasswordIs401() {
        assertProblem(api.as("ada").password("not-demo").post("/api/cases", openCase("ada")), 401);
    }

    @Test
    void anUnknownUserIs401() {
        assertProblem(api.as("mallory").get("/api/caseloads/ada"), 401);
    }

    @Test
    void anUnknownPathIs404() {
        assertProblem(api.as("ada").get("/api/nothing-here"), 404);
    }

    @Test
    void aWrongMethodIs405() {
        assertProblem(api.as("ada").method("DELETE", "/api/cases"), 405);
    }

    @Test
    void aMalformedCaseIdIs400() {
        Response response = api.as("ada").get("/api/cases/not-a-uuid");

        assertProblem(response, 400);
        assertThat(response.text("/errors/0/field")).isEqualTo("caseId");
    }

    @Test
    void everyResponseCarriesARequestIdThatProblemsRepeat() {
        Response response = api.as("ada").header("X-Request-Id", "req-42").get("/api/cases/not-a-uuid");

        assertThat(response.header("X-Request-Id")).isEqualTo("req-42");
        assertThat(response.text("/requestId")).isEqualTo("req-42");
    }
}
