package org.caserecord.projections.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.messaging.MetaData;
import org.caserecord.domain.directory.DirectoryEvent;
import org.caserecord.domain.directory.ResourceDetails;
import org.caserecord.domain.directory.ResourceRegistered;
import org.caserecord.domain.directory.ResourceRetired;
import org.caserecord.domain.directory.ResourceType;
import org.caserecord.domain.directory.ResourceUpdated;
import org.caserecord.domain.events.CaseOpened;
import org.caserecord.domain.events.ReferralAccepted;
import org.caserecord.domain.events.ReferralAdded;
import org.caserecord.domain.events.ReferralCompleted;
import org.caserecord.domain.events.ReferralDeclined;
import org.caserecord.domain.model.Client;
import org.caserecord.domain.model.Provider;
import org.caserecord.domain.model.ReferralDeclineReason;
import org.caserecord.domain.model.Urgency;
import org.caserecord.projections.caseload.InvalidCursorException;
import org.caserecord.projections.dashboard.Dashboard;
import org.caserecord.projections.dashboard.DashboardQueries;
import org.caserecord.projections.retention.RetentionQueries;
import org.caserecord.projections.support.CaseStream;
import org.caserecord.projections.support.ReadModelDatabaseExtension;
import org.caserecord.projections.support.TestProjections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The resource directory read model: what the search finds, that it shows resources as their
 * latest event leaves them, and the per-resource referral statistics of the dashboard.
 */
@ExtendWith(ReadModelDatabaseExtension.class)
class ResourceDirectoryTest {

    private static final Instant REGISTERED_AT = Instant.parse("2026-03-01T08:00:00Z");
    private static final UUID EASTSIDE = UUID.fromString("00000000-0000-0000-0000-00000000e001");
    private static final UUID HARBOR = UUID.fromString("00000000-0000-0000-0000-00000000e002");
    private static final UUID SUNRISE = UUID.fromString("00000000-0000-0000-0000-00000000e003");

    private final JdbcClient jdbc;
    private final AnnotationEventHandlerAdapter projection;
    private final ResourceQueries queries;
    private final List<Long> sequences = new ArrayList<>(List.of(0L, 0L, 0L, 0L));

    ResourceDirectoryTest(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.projection = new AnnotationEventHandlerAdapter(new ResourceDirectoryProjection(jdbc));
        this.queries = new ResourceQueries(jdbc);
    }

    private static ResourceDetails details(String name, ResourceType type, List<String> languages,
                                           List<String> payers, String notes) {
        return new ResourceDetails(name, type, "+1 555 0100", "1 Harbor Way", languages, payers, notes);
    }

    private DomainEventMessage<?> deliver(long sequence, DirectoryEvent event) {
        DomainEventMessage<?> message = new GenericDomainEventMessage<>("Resource", event.resourceId().toString(),
                sequence, event, MetaData.with("actor", "sam"), UUID.randomUUID().toString(),
                REGISTERED_AT.plusSeconds(60 * sequence));
        handle(message);
        return message;
    }

    private void handle(DomainEventMessage<?> message) {
        try {
            projection.handle(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void registerThree() {
        deliver(0, new ResourceRegistered(EASTSIDE, details("Eastside Housing Collective", ResourceType.HOUSING,
                List.of("English", "Spanish"), List.of("MCD-CA", "Self-pay"), "Family units; 100% occupancy")));
        deliver(0, new ResourceRegistered(HARBOR, details("Harbor Counseling", ResourceType.COUNSELING,
                List.of("English"), List.of("MCD-CA"), "Trauma-focused CBT")));
        deliver(0, new ResourceRegistered(SUNRISE, details("sunrise peer circle", ResourceType.PEER_SUPPORT,
                List.of("Vietnamese"), List.of(), null)));
    }

    private List<String> names(ResourceSearch search) {
        return queries.search(search).resources().stream().map(ResourceView::name).toList();
    }

    private static ResourceSearch search(ResourceType type, String text, String language, String payer) {
        return new ResourceSearch(type, text, language, payer, false, 50, null);
    }

    @Test
    void aRegisteredResourceIsShownWithWhoRegisteredIt() {
        registerThree();

        ResourceView eastside = queries.find(EASTSIDE).orElseThrow();
        assertThat(eastside.name()).isEqualTo("Eastside Housing Collective");
        assertThat(eastside.type()).isEqualTo(ResourceType.HOUSING);
        assertThat(eastside.languages()).containsExactly("English", "Spanish");
        assertThat(eastside.acceptedPayers()).containsExactly("MCD-CA", "Self-pay");
        assertThat(eastside.status()).isEqualTo("ACTIVE");
        assertThat(eastside.registeredBy()).isEqualTo("sam");
        assertThat(eastside.registeredAt()).isEqualTo(REGISTERED_AT);
        assertThat(eastside.version()).isZero();
    }

    @Test
    void searchesCombineTheirCriteriaAndIgnoreCase() {
        registerThree();

        assertThat(names(search(null, null, null, null)))
                .containsExactly("Eastside Housing Collective", "Harbor Counseling", "sunrise peer circle");
        assertThat(names(search(ResourceType.COUNSELING, null, null, null))).containsExactly("Harbor Counseling");
        assertThat(names(search(null, "HOUSING", null, null))).containsExactly("Eastside Housing Collective");
        assertThat(names(search(null, "cbt", null, null))).containsExactly("Harbor Counseling");
        assertThat(names(search(null, null, "spanish", null))).containsExactly("Eastside Housing Collective");
        assertThat(names(search(null, null, null, "mcd-ca")))
                .containsExactly("Eastside Housing Collective", "Harbor Counseling");
        assertThat(names(search(ResourceType.HOUSING, null, "English", "MCD-CA")))
                .containsExactly("Eastside Housing Collective");
        assertThat(names(search(ResourceType.HOUSING, null, "Vietnamese", null))).isEmpty();
    }

    @Test
    void searchTextIsMatchedLiterallyNotAsAPattern() {
        registerThree();

        assertThat(names(search(null, "100%", null, null))).containsExactly("Eastside Housing Collective");
        assertThat(names(search(null, "%", null, null))).containsExactly("Eastside Housing Collective");
        assertThat(names(search(null, "_", null, null))).isEmpty();
    }

    @Test
    void anUpdateReplacesTheDetailsAndARetiredResourceIsNoLongerFound() {
        registerThree();
        deliver(1, new ResourceUpdated(HARBOR, details("Harbor Counseling Center", ResourceType.COUNSELING,
                List.of("English", "Tagalog"), List.of("MCD-CA"), null)));
        deliver(1, new ResourceRetired(EASTSIDE, "closed"));

        assertThat(names(search(null, null, "tagalog", null))).containsExactly("Harbor Counseling Center");
        assertThat(names(search(null, null, null, null)))
                .containsExactly("Harbor Counseling Center", "sunrise peer circle");
        assertThat(names(new ResourceSearch(null, null, null, null, true, 50, null)))
                .containsExactly("Eastside Housing Collective", "Harbor Counseling Center", "sunrise peer circle");
        ResourceView eastside = queries.find(EASTSIDE).orElseThrow();
        assertThat(eastside.status()).isEqualTo("RETIRED");
        assertThat(eastside.retirementReason()).isEqualTo("closed");
        assertThat(eastside.version()).isEqualTo(1);
    }

    @Test
    void anEventDeliveredAgainChangesNothing() {
        registerThree();
        DomainEventMessage<?> update = deliver(1, new ResourceUpdated(HARBOR, details("Harbor Counseling Center",
                ResourceType.COUNSELING, List.of("English"), List.of(), null)));
        deliver(2, new ResourceUpdated(HARBOR, details("Harbor Center", ResourceType.COUNSELING,
                List.of("English"), List.of(), null)));

        handle(update);

        assertThat(queries.find(HARBOR).orElseThrow().name()).isEqualTo("Harbor Center");
        assertThat(queries.projectedVersion(HARBOR)).hasValue(2);
    }

    @Test
    void pagesFollowOneAnotherWithoutGapsOrRepeats() {
        registerThree();

        ResourcePage first = queries.search(new ResourceSearch(null, null, null, null, false, 2, null));
        assertThat(first.resources()).extracting(ResourceView::name)
                .containsExactly("Eastside Housing Collective", "Harbor Counseling");
        ResourcePage second = queries.search(new ResourceSearch(null, null, null, null, false, 2,
                first.nextCursor()));
        assertThat(second.resources()).extracting(ResourceView::name).containsExactly("sunrise peer circle");
        assertThat(second.nextCursor()).isNull();
        assertThatThrownBy(() -> queries.search(new ResourceSearch(null, null, null, null, false, 2, "bm90LWEtY3Vyc29y")))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void theDashboardCountsWhatBecameOfEachResourcesReferrals() {
        registerThree();
        Provider eastside = new Provider("Eastside Housing Collective", "HOUSING", EASTSIDE, "+1 555 0100");
        UUID caseId = UUID.fromString("00000000-0000-0000-0000-00000000c001");
        UUID accepted = UUID.randomUUID();
        UUID declined = UUID.randomUUID();
        UUID declinedWithoutCategory = UUID.randomUUID();
        UUID pending = UUID.randomUUID();
        UUID byHand = UUID.randomUUID();
        CaseStream stream = CaseStream.of(caseId, TestProjections.caseFile(jdbc));
        stream.append(new CaseOpened(caseId, new Client("Jordan Rivera", LocalDate.of(1990, 4, 2)), "ada",
                LocalDate.of(2026, 3, 1), null, null));
        for (UUID referral : List.of(accepted, declined, declinedWithoutCategory, pending)) {
            stream.append(new ReferralAdded(caseId, referral, eastside, "needs housing", Urgency.ROUTINE));
        }
        stream.append(new ReferralAdded(caseId, byHand, new Provider("Someone", "OTHER"), null, Urgency.ROUTINE));
        stream.append(new ReferralAdded(caseId, UUID.randomUUID(),
                new Provider("Harbor Counseling", "COUNSELING", HARBOR, "+1 555 0100"), null, Urgency.ROUTINE));
        stream.append(new ReferralAccepted(caseId, accepted, null));
        stream.append(new ReferralCompleted(caseId, accepted, "moved in"));
        stream.append(new ReferralDeclined(caseId, declined, "waiting list full", ReferralDeclineReason.NO_CAPACITY));
        stream.append(new ReferralDeclined(caseId, declinedWithoutCategory, "no", null));
        // Referred two and four days before the answers (the stream records a minute apart).
        jdbc.sql("UPDATE case_file_referral SET added_at = answered_at - interval '2 days' WHERE referral_id = :id")
                .param("id", accepted).update();
        jdbc.sql("UPDATE case_file_referral SET added_at = answered_at - interval '4 days' WHERE referral_id = :id")
                .param("id", declined).update();
        jdbc.sql("UPDATE case_file_referral SET added_at = answered_at - interval '6 days' WHERE referral_id = :id")
                .param("id", declinedWithoutCategory).update();

        Dashboard dashboard = new DashboardQueries(jdbc, new RetentionQueries(jdbc))
                .dashboard(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 1));

        assertThat(dashboard.referralsByResource()).extracting(Dashboard.ResourceReferrals::resourceId)
                .containsExactly(EASTSIDE, HARBOR);
        assertThat(dashboard.referralsByResource().get(1).medianDaysToAnswer()).isNull();
        assertThat(dashboard.referralsByResource().get(1).pending()).isEqualTo(1);
        assertThat(dashboard.referralsByResource()).first().satisfies(resource -> {
            assertThat(resource.resourceId()).isEqualTo(EASTSIDE);
            assertThat(resource.name()).isEqualTo("Eastside Housing Collective");
            assertThat(resource.referrals()).isEqualTo(4);
            assertThat(resource.accepted()).isEqualTo(1);
            assertThat(resource.completed()).isEqualTo(1);
            assertThat(resource.declined()).isEqualTo(2);
            assertThat(resource.declinedByReason()).containsEntry("NO_CAPACITY", 1L).containsEntry("UNSPECIFIED", 1L);
            assertThat(resource.pending()).isEqualTo(1);
            assertThat(resource.medianDaysToAnswer()).isEqualTo(4.0);
        });
    }
}
