package org.caserecord.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caserecord.api.support.CaseJson.meeting;
import static org.caserecord.api.support.CaseJson.openCase;

import java.sql.SQLException;
import java.util.List;

import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Once stored, an event is never changed or removed, even by the table's owner. */
@ApiTest
class AppendOnlyEventTableTest {

    private final HttpApi api;
    private final JdbcClient jdbc;

    AppendOnlyEventTableTest(HttpApi api, @Autowired JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    private String recordedCase() {
        String caseId = api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
        assertThat(api.as("ada").post("/api/cases/" + caseId + "/meetings", meeting()).status()).isEqualTo(201);
        return caseId;
    }

    private List<String> storedEvents(String caseId) {
        return jdbc.sql("""
                        SELECT sequence_number || ' ' || encode(sha256(payload), 'hex') || ' ' || encode(sha256(meta_data), 'hex')
                          FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""")
                .param(caseId).query(String.class).list();
    }

    private static void refused(Runnable statement) {
        assertThatThrownBy(statement::run)
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> {
                    SQLException cause = (SQLException) ((DataAccessException) e).getMostSpecificCause();
                    assertThat(cause.getSQLState()).isEqualTo("42501");
                    assertThat(cause.getMessage()).contains("append-only");
                });
    }

    @Test
    void anUpdateOfAStoredEventFails() {
        String caseId = recordedCase();
        List<String> before = storedEvents(caseId);

        refused(() -> jdbc.sql("UPDATE domain_event_entry SET payload = convert_to('{}', 'UTF8') "
                + "WHERE aggregate_identifier = ?").param(caseId).update());
        refused(() -> jdbc.sql("UPDATE domain_event_entry SET sequence_number = sequence_number + 100 "
                + "WHERE aggregate_identifier = ?").param(caseId).update());

        assertThat(storedEvents(caseId)).hasSize(2).isEqualTo(before);
    }

    @Test
    void deletingOrTruncatingEventsFails() {
        String caseId = recordedCase();
        List<String> before = storedEvents(caseId);

        refused(() -> jdbc.sql("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?").param(caseId).update());
        refused(() -> jdbc.sql("TRUNCATE domain_event_entry").update());

        assertThat(storedEvents(caseId)).isEqualTo(before);
        assertThat(api.as("ada").get("/api/cases/" + caseId + "/history").json().at("/entries").size()).isEqualTo(2);
    }

    @Test
    void newEventsAreStillAppended() {
        String caseId = recordedCase();

        assertThat(api.as("ada").post("/api/cases/" + caseId + "/meetings", meeting()).number("/version")).isEqualTo(2);
        assertThat(storedEvents(caseId)).hasSize(3);
    }
}
