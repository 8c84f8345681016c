package org.caserecord.api.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.domain.catalog.EventCatalog;
import org.caserecord.domain.events.AssessmentRecorded;
import org.caserecord.domain.events.CaseEvent;
import org.caserecord.domain.events.CaseOpened;
import org.caserecord.domain.events.MeetingRecorded;
import org.caserecord.domain.model.Attendee;
import org.caserecord.domain.model.Client;
import org.caserecord.domain.model.Phi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Personal data through Axon's serializer, the one the event store, the event processors and
 * aggregate loading use: encrypted with the case's key on the way in, plaintext again on the way
 * out, placeholders once the key is destroyed, and a clear error when the stored form was tampered with.
 */
@ApiTest
class PhiEncryptionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ENVELOPE = Pattern.compile("\"(phi:1:([0-9a-f-]{36}):[A-Za-z0-9_-]+)\"");

    private final Serializer serializer;
    private final CaseDataKeyRing keys;
    private final ApplicationContext context;

    PhiEncryptionTest(HttpApi unused, @Autowired @Qualifier("eventSerializer") Serializer serializer,
                      @Autowired CaseDataKeyRing keys, @Autowired ApplicationContext context) {
        this.serializer = serializer;
        this.keys = keys;
        this.context = context;
    }

    private SerializedObject<byte[]> store(Object event) {
        return serializer.serialize(event, byte[].class);
    }

    private Object read(SerializedObject<byte[]> stored) {
        return serializer.deserialize(stored);
    }

    private static String text(SerializedObject<byte[]> stored) {
        return new String(stored.getData(), UTF_8);
    }

    private static SerializedObject<byte[]> withJson(SerializedObject<byte[]> stored, String json) {
        return new SimpleSerializedObject<>(json.getBytes(UTF_8), byte[].class, stored.getType());
    }

    @Test
    void theSamplesHoldEveryEventTypeOfTheCatalog() {
        assertThat(SampleEvents.of(UUID.randomUUID())).map(Object::getClass)
                .containsExactlyInAnyOrderElementsOf(EventCatalog.TYPES);
    }

    @Test
    void everyEventTypeRoundTripsWithItsPersonalDataEncrypted() {
        UUID caseId = UUID.randomUUID();
        for (CaseEvent event : SampleEvents.of(caseId)) {
            SerializedObject<byte[]> stored = store(event);
            String json = text(stored);

            for (String personal : SampleEvents.personalData(event)) {
                assertThat(json).as("%s holds %s", event.getClass().getSimpleName(), personal)
                        .doesNotContain(personal)
                        .doesNotContain(JSON.writeValueAsString(personal));
            }
            assertThat(ENVELOPE.matcher(json).results().count()).as(event.getClass().getSimpleName())
                    .isEqualTo(SampleEvents.personalValues(event));
            assertThat(read(stored)).isEqualTo(event);
        }
    }

    @Test
    void eachEnvelopeNamesItsCaseAndHoldsNoPlaintext() {
        UUID caseId = UUID.randomUUID();
        String json = text(store(SampleEvents.of(caseId).get(0)));

        Matcher envelopes = ENVELOPE.matcher(json);
        assertThat(envelopes.results().map(match -> match.group(2))).hasSize(4).containsOnly(caseId.toString());
        assertThat(json).contains("\"caseManagerId\":\"ada\"").contains("\"openedOn\":\"2026-02-03\"");
        // Every value gets its own IV: the same plaintext never looks the same twice.
        String again = text(store(SampleEvents.of(caseId).get(0)));
        assertThat(again).isNotEqualTo(json);
    }

    @Test
    void nullPersonalDataStaysNull() {
        CaseOpened opened = new CaseOpened(UUID.randomUUID(), new Client("Ines Marlowe-Kapoor", null), "ada",
                LocalDate.of(2026, 1, 5), null, "none given");
        SerializedObject<byte[]> stored = store(opened);

        assertThat(text(stored)).contains("\"dateOfBirth\":null").contains("\"referralSource\":null");
        assertThat(read(stored)).isEqualTo(opened);
    }

    @Test
    void afterTheKeyIsDestroyedPersonalDataReadsAsPlaceholders() {
        UUID caseId = UUID.randomUUID();
        List<CaseEvent> events = SampleEvents.of(caseId);
        List<SerializedObject<byte[]>> stored = events.stream().map(this::store).toList();

        assertThat(keys.destroy(caseId, "rita")).isTrue();

        for (int i = 0; i < events.size(); i++) {
            assertThat(read(stored.get(i))).as(events.get(i).getClass().getSimpleName())
                    .isEqualTo(SampleEvents.disposed(events.get(i)));
        }
        CaseOpened opened = (CaseOpened) read(stored.get(0));
        assertThat(opened.client()).isEqualTo(new Client(Phi.DISPOSED, null));
        assertThat(opened.caseManagerId()).isEqualTo("ada");
        MeetingRecorded meeting = (MeetingRecorded) read(stored.get(1));
        assertThat(meeting.attendees()).containsExactly(new Attendee(Phi.DISPOSED, "mother"),
                new Attendee(Phi.DISPOSED, "client"));
        assertThat(meeting.notes()).isEqualTo(Phi.DISPOSED);
        assertThat(meeting.durationMinutes()).isEqualTo(45);
        AssessmentRecorded assessment = (AssessmentRecorded) read(stored.get(10));
        assertThat(assessment.needs()).containsExactly(Phi.DISPOSED);
        assertThat(assessment.riskLevel()).isEqualTo(events.get(10) instanceof AssessmentRecorded original
                ? original.riskLevel() : null);
    }

    @Test
    void aDisposedCaseTakesNoNewPersonalData() {
        UUID caseId = UUID.randomUUID();
        store(SampleEvents.of(caseId).get(0));
        keys.destroy(caseId, "rita");

        Throwable refused = catchThrowable(() -> store(SampleEvents.of(caseId).get(1)));

        assertThat(causeOf(refused, DataKeyDestroyedException.class)).isNotNull();
        assertNoPersonalDataIn(refused);
    }

    @Test
    void aChangedCiphertextIsAnErrorNotAPlaceholder() {
        UUID caseId = UUID.randomUUID();
        SerializedObject<byte[]> stored = store(SampleEvents.of(caseId).get(1));
        Matcher envelope = ENVELOPE.matcher(text(stored));
        assertThat(envelope.find()).isTrue();
        String original = envelope.group(1);
        char last = original.charAt(original.length() - 2);
        String altered = original.substring(0, original.length() - 2) + (last == 'A' ? 'B' : 'A')
                + original.charAt(original.length() - 1);

        Throwable failure = catchThrowable(() -> read(withJson(stored, text(stored).replace(original, altered))));

        assertThat(causeOf(failure, PhiDecryptionException.class))
                .hasMessageContaining("failed authentication").hasMessageContaining(caseId.toString());
        assertNoPersonalDataIn(failure);
    }

    @Test
    void anEnvelopeMovedToAnotherCaseIsRefused() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        SerializedObject<byte[]> ofFirst = store(SampleEvents.of(first).get(1));
        SerializedObject<byte[]> ofSecond = store(SampleEvents.of(second).get(1));
        String notesOfFirst = ((ObjectNode) JSON.readTree(ofFirst.getData())).get("notes").asString();

        ObjectNode moved = (ObjectNode) JSON.readTree(ofSecond.getData());
        moved.put("notes", notesOfFirst);
        Throwable movedAsItWas = catchThrowable(() -> read(withJson(ofSecond, moved.toString())));
        moved.put("notes", notesOfFirst.replace(first.toString(), second.toString()));
        Throwable movedAndRenamed = catchThrowable(() -> read(withJson(ofSecond, moved.toString())));

        assertThat(causeOf(movedAsItWas, PhiDecryptionException.class)).hasMessageContaining("moved");
        assertThat(causeOf(movedAndRenamed, PhiDecryptionException.class))
                .hasMessageContaining("failed authentication");
        assertNoPersonalDataIn(movedAsItWas);
        assertNoPersonalDataIn(movedAndRenamed);
    }

    @Test
    void personalDataOutsideACaseEventIsNeverWrittenInPlaintext() {
        Client outsideAnyEvent = new Client(SampleEvents.CLIENT_NAME, SampleEvents.DATE_OF_BIRTH);

        Throwable refused = catchThrowable(() -> store(outsideAnyEvent));

        assertThat(refused).hasStackTraceContaining("refusing to write it in plaintext");
        assertNoPersonalDataIn(refused);
    }

    @Test
    void personalDataWrittenBeforeEncryptionExistedIsStillRead() {
        UUID caseId = UUID.randomUUID();
        CaseOpened opened = (CaseOpened) SampleEvents.of(caseId).get(0);
        String plaintext = JSON.writeValueAsString(opened);
        SerializedObject<byte[]> stored = withJson(store(opened), plaintext);

        assertThat(plaintext).contains(SampleEvents.CLIENT_NAME);
        assertThat(read(stored)).isEqualTo(opened);
    }

    @Test
    void theHttpApisJsonMapperShowsPlaintext() {
        JsonMapper api = context.getBean(JsonMapper.class);
        CaseOpened opened = (CaseOpened) SampleEvents.of(UUID.randomUUID()).get(0);

        assertThat(api.writeValueAsString(opened)).contains(SampleEvents.CLIENT_NAME).doesNotContain("phi:1:");
    }

    @Test
    void eventsMessagesAndTokensShareTheOneCustomizedSerializer() {
        // Axon applies only the first Jackson3SerializerCustomizer it finds: there must be just one.
        assertThat(context.getBeansOfType(Jackson3SerializerCustomizer.class)).hasSize(1);
        Map<String, Serializer> serializers = context.getBeansOfType(Serializer.class);
        assertThat(serializers.values()).containsOnly(serializer);
    }

    /** The failure itself or its nearest cause of the given type; null if none. */
    static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static void assertNoPersonalDataIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            for (String personal : SampleEvents.personalData(SampleEvents.of(UUID.randomUUID()))) {
                assertThat(message).doesNotContain(personal);
            }
        }
    }
}
