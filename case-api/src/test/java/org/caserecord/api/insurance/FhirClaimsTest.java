package org.caserecord.api.insurance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.caserecord.api.insurance.InsuranceSummary.Client;
import org.caserecord.api.insurance.InsuranceSummary.Coverage;
import org.caserecord.api.insurance.InsuranceSummary.Line;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * The FHIR claim bundle read back with HAPI's own parser: what a payer's system would see. The
 * validator is not used: FhirContext.newValidator() checks against the R4 XSDs, which live in the
 * separate hapi-fhir-validation-resources-r4 artifact.
 */
class FhirClaimsTest {

    private static final UUID ADA_CASE = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID GRACE_CASE = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID ADA_MARCH = UUID.fromString("10000000-0000-0000-0000-000000000001");
    private static final UUID ADA_APRIL = UUID.fromString("10000000-0000-0000-0000-000000000002");
    private static final UUID GRACE_MARCH = UUID.fromString("10000000-0000-0000-0000-000000000003");

    private static final FhirContext FHIR = FhirContext.forR4();

    private final FhirClaims claims = new FhirClaims();

    @Test
    void rendersOneClaimPerClientPerReimbursementRequest() {
        Bundle bundle = render(summary());

        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(claims(bundle)).extracting(claim -> claim.getIdElement().getValue())
                .containsExactly(urn(ADA_MARCH), urn(ADA_APRIL), urn(GRACE_MARCH));
        assertThat(bundle.getEntry()).allSatisfy(entry -> assertThat(entry.getFullUrl()).startsWith("urn:uuid:"));
        assertThat(resources(bundle, Patient.class)).hasSize(2);
        assertThat(resources(bundle, Organization.class)).hasSize(1);
        assertThat(resources(bundle, org.hl7.fhir.r4.model.Coverage.class)).hasSize(2);
        assertThat(resources(bundle, Practitioner.class)).hasSize(2);
    }

    @Test
    void claimIdIsTheRequestId() {
        // HAPI's parser replaces entry ids with their urn:uuid full URL unless told not to.
        IParser parser = FHIR.newJsonParser().setOverrideResourceIdWithBundleEntryFullUrl(false);
        Bundle bundle = parser.parseResource(Bundle.class, claims.toJson(summary()));

        assertThat(claims(bundle)).extracting(claim -> claim.getIdElement().getIdPart())
                .containsExactly(ADA_MARCH.toString(), ADA_APRIL.toString(), GRACE_MARCH.toString());
        assertThat(bundle.getEntry()).allSatisfy(entry ->
                assertThat(entry.getFullUrl()).isEqualTo(urn(entry.getResource().getIdElement().getIdPart())));
    }

    @Test
    void claimHeaderCarriesTypeUsePriorityAndTheLatestDateOfService() {
        Claim claim = claim(render(summary()), ADA_MARCH);

        assertThat(claim.getStatus()).isEqualTo(Claim.ClaimStatus.ACTIVE);
        assertThat(codes(claim.getType())).containsExactly(FhirClaims.CLAIM_TYPE_SYSTEM + "|professional");
        assertThat(claim.getUse()).isEqualTo(Claim.Use.CLAIM);
        assertThat(codes(claim.getPriority())).containsExactly(FhirClaims.PRIORITY_SYSTEM + "|normal");
        assertThat(claim.getCreatedElement().getValueAsString()).isEqualTo("2025-03-10");
    }

    @Test
    void eachClaimsPatientResolvesToTheClientWithTheirMemberIdentifier() {
        Bundle bundle = render(summary());

        Patient ada = resolve(bundle, claim(bundle, ADA_APRIL).getPatient(), Patient.class);
        assertThat(ada.getNameFirstRep().getText()).isEqualTo("Ada Lovelace");
        assertThat(ada.getBirthDateElement().getValueAsString()).isEqualTo("1985-12-10");
        assertThat(identifiers(ada.getIdentifier())).containsExactly("urn:caserecord:payer:acme:member|M-100");

        Patient grace = resolve(bundle, claim(bundle, GRACE_MARCH).getPatient(), Patient.class);
        assertThat(grace.getNameFirstRep().getText()).isEqualTo("Grace Hopper");
        assertThat(grace.getBirthDateElement().getValueAsString()).isEqualTo("1990-01-02");
        assertThat(identifiers(grace.getIdentifier())).containsExactly("urn:caserecord:payer:acme:member|M-200");

        assertThat(claim(bundle, ADA_MARCH).getPatient().getReference())
                .isEqualTo(claim(bundle, ADA_APRIL).getPatient().getReference());
    }

    @Test
    void insurerIsThePayerOrganization() {
        Bundle bundle = render(summary());
        Reference insurer = claim(bundle, GRACE_MARCH).getInsurer();

        assertThat(insurer.getDisplay()).isEqualTo("Acme Health");
        assertThat(insurer.getIdentifier().getValue()).isEqualTo("acme");
        Organization payer = resolve(bundle, insurer, Organization.class);
        assertThat(payer.getName()).isEqualTo("Acme Health");
        assertThat(identifiers(payer.getIdentifier())).containsExactly("urn:caserecord:payer|acme");
    }

    @Test
    void providerIsTheFirstLinesRenderingPractitionerOrTheClinic() {
        Bundle bundle = render(summary());

        Claim march = claim(bundle, ADA_MARCH);
        Practitioner rendering = resolve(bundle, march.getProvider(), Practitioner.class);
        assertThat(identifiers(rendering.getIdentifier())).containsExactly(FhirClaims.NPI_SYSTEM + "|1234567893");
        assertThat(march.getCareTeam()).singleElement().satisfies(member -> {
            assertThat(member.getSequence()).isEqualTo(1);
            assertThat(member.getProvider().getReference()).isEqualTo(march.getProvider().getReference());
        });
        assertThat(march.getItem()).allSatisfy(item ->
                assertThat(item.getCareTeamSequence()).extracting(PositiveIntType::getValue).containsExactly(1));
        Reference clinic = claim(bundle, ADA_APRIL).getProvider();
        assertThat(clinic.getReference()).isNull();
        assertThat(clinic.getDisplay()).isEqualTo("clinic");
    }

    @Test
    void diagnosesAreTheClientsInOrder() {
        Claim claim = claim(render(summary()), GRACE_MARCH);

        assertThat(claim.getDiagnosis()).extracting(diagnosis -> diagnosis.getSequence())
                .containsExactly(1, 2, 3);
        assertThat(claim.getDiagnosis()).extracting(diagnosis -> codes(diagnosis.getDiagnosisCodeableConcept()))
                .containsExactly(List.of(FhirClaims.ICD_10_CM_SYSTEM + "|F43.10"),
                        List.of(FhirClaims.ICD_10_CM_SYSTEM + "|F33.0"),
                        List.of(FhirClaims.ICD_10_CM_SYSTEM + "|F90.0"));
    }

    @Test
    void insuranceIsTheFocalCoverageOfTheMember() {
        Bundle bundle = render(summary());
        Claim claim = claim(bundle, GRACE_MARCH);

        Claim.InsuranceComponent insurance = claim.getInsuranceFirstRep();
        assertThat(claim.getInsurance()).hasSize(1);
        assertThat(insurance.getSequence()).isEqualTo(1);
        assertThat(insurance.getFocal()).isTrue();
        org.hl7.fhir.r4.model.Coverage coverage =
                resolve(bundle, insurance.getCoverage(), org.hl7.fhir.r4.model.Coverage.class);
        assertThat(coverage.getSubscriberId()).isEqualTo("M-200");
        assertThat(coverage.getPayorFirstRep().getReference()).isEqualTo(claim.getInsurer().getReference());
        assertThat(coverage.getBeneficiary().getReference()).isEqualTo(claim.getPatient().getReference());
        assertThat(codes(coverage.getRelationship()))
                .containsExactly(FhirClaims.RELATIONSHIP_SYSTEM + "|spouse");
        assertThat(coverage.getPeriod().getStartElement().getValueAsString()).isEqualTo("2024-07-01");
        assertThat(coverage.getPeriod().getEndElement().getValueAsString()).isEqualTo("2025-06-30");
    }

    @Test
    void itemsCarryCodeModifiersDatePlaceUnitsPricesAndDiagnosisPointers() {
        Claim claim = claim(render(summary()), GRACE_MARCH);

        assertThat(claim.getItem()).hasSize(1);
        Claim.ItemComponent item = claim.getItemFirstRep();
        assertThat(item.getSequence()).isEqualTo(1);
        assertThat(codes(item.getProductOrService())).containsExactly(FhirClaims.HCPCS_SYSTEM + "|90847");
        assertThat(item.getModifier()).extracting(FhirClaimsTest::codes)
                .containsExactly(List.of(FhirClaims.HCPCS_SYSTEM + "|HO"), List.of(FhirClaims.HCPCS_SYSTEM + "|95"));
        assertThat(item.getServicedDateType().getValueAsString()).isEqualTo("2025-03-12");
        assertThat(codes(item.getLocationCodeableConcept()))
                .containsExactly(FhirClaims.PLACE_OF_SERVICE_SYSTEM + "|02");
        assertThat(item.getQuantity().getValue()).isEqualByComparingTo("2");
        assertMoney(item.getUnitPrice(), "55.00");
        assertMoney(item.getNet(), "110.00");
        // F90.0 is the client's third diagnosis, F43.10 the first.
        assertThat(item.getDiagnosisSequence()).extracting(PositiveIntType::getValue).containsExactly(3, 1);
    }

    @Test
    void itemsAreNumberedPerClaimAndTotalSumsTheClaimsCharges() {
        Bundle bundle = render(summary());
        Claim march = claim(bundle, ADA_MARCH);

        assertThat(march.getItem()).extracting(Claim.ItemComponent::getSequence).containsExactly(1, 2);
        assertThat(march.getItem()).extracting(item -> item.getServicedDateType().getValueAsString())
                .containsExactly("2025-03-03", "2025-03-10");
        assertThat(march.getItem()).extracting(item -> item.getDiagnosisSequence().stream()
                .map(PositiveIntType::getValue).toList()).containsExactly(List.of(1), List.of(1, 2));
        assertThat(march.getItemFirstRep().getModifier()).isEmpty();
        assertMoney(march.getTotal(), "300.00");
        assertMoney(claim(bundle, ADA_APRIL).getTotal(), "100.00");
        assertMoney(claim(bundle, GRACE_MARCH).getTotal(), "110.00");
    }

    @Test
    void renderingTheSameSummaryTwiceGivesTheSameJson() {
        assertThat(claims.toJson(summary())).isEqualTo(claims.toJson(summary()));
    }

    @Test
    void anEmptySummaryRendersAnEmptyCollection() {
        InsuranceSummary empty = new InsuranceSummary("acme", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31),
                List.of(), BigDecimal.ZERO);

        Bundle bundle = render(empty);

        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(bundle.getEntry()).isEmpty();
    }

    private Bundle render(InsuranceSummary summary) {
        return FHIR.newJsonParser().parseResource(Bundle.class, claims.toJson(summary));
    }

    private static InsuranceSummary summary() {
        Coverage adaCoverage = new Coverage(UUID.fromString("20000000-0000-0000-0000-000000000001"), "acme",
                "Acme Health", "Acme Gold", "M-100", "G-1", "SELF", "PRIMARY", LocalDate.of(2025, 1, 1), null);
        Client ada = new Client(ADA_CASE, "Ada Lovelace", LocalDate.of(1985, 12, 10), adaCoverage,
                List.of("F32.1", "F41.1"),
                List.of(line(ADA_MARCH, LocalDate.of(2025, 3, 3), "90837", List.of(), 1, "150.00", "11",
                                "1234567893", List.of("F32.1")),
                        line(ADA_MARCH, LocalDate.of(2025, 3, 10), "90837", List.of(), 1, "150.00", "11",
                                "1234567893", List.of("F32.1", "F41.1")),
                        line(ADA_APRIL, LocalDate.of(2025, 4, 7), "90834", List.of(), 1, "100.00", "11",
                                null, List.of("F41.1"))),
                new BigDecimal("400.00"));
        Coverage graceCoverage = new Coverage(UUID.fromString("20000000-0000-0000-0000-000000000002"), "acme",
                "Acme Health", "Acme Silver", "M-200", null, "SPOUSE", "PRIMARY", LocalDate.of(2024, 7, 1),
                LocalDate.of(2025, 6, 30));
        Client grace = new Client(GRACE_CASE, "Grace Hopper", LocalDate.of(1990, 1, 2), graceCoverage,
                List.of("F43.10", "F33.0", "F90.0"),
                List.of(line(GRACE_MARCH, LocalDate.of(2025, 3, 12), "90847", List.of("HO", "95"), 2, "55.00", "02",
                        "1245319599", List.of("F90.0", "F43.10"))),
                new BigDecimal("110.00"));
        return new InsuranceSummary("acme", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 30),
                List.of(ada, grace), new BigDecimal("510.00"));
    }

    private static Line line(UUID requestId, LocalDate dateOfService, String code, List<String> modifiers, int units,
                             String unitRate, String placeOfService, String npi, List<String> diagnoses) {
        BigDecimal rate = new BigDecimal(unitRate);
        return new Line(requestId, "PENDING", UUID.nameUUIDFromBytes((requestId + code + dateOfService).getBytes()),
                dateOfService, code, modifiers, units, rate, rate.multiply(BigDecimal.valueOf(units)),
                placeOfService, npi, diagnoses);
    }

    private static List<Claim> claims(Bundle bundle) {
        return resources(bundle, Claim.class);
    }

    private static Claim claim(Bundle bundle, UUID requestId) {
        return bundle.getEntry().stream()
                .filter(entry -> entry.getFullUrl().equals(urn(requestId)))
                .map(entry -> (Claim) entry.getResource())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no claim " + requestId));
    }

    private static <T extends Resource> List<T> resources(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(BundleEntryComponent::getResource)
                .filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends Resource> T resolve(Bundle bundle, Reference reference, Class<T> type) {
        Map<String, Resource> byFullUrl = bundle.getEntry().stream()
                .collect(Collectors.toMap(BundleEntryComponent::getFullUrl, BundleEntryComponent::getResource));
        assertThat(reference.getReference()).startsWith("urn:uuid:");
        assertThat(byFullUrl.get(reference.getReference())).isInstanceOf(type);
        return type.cast(byFullUrl.get(reference.getReference()));
    }

    private static String urn(Object id) {
        return "urn:uuid:" + id;
    }

    private static List<String> codes(CodeableConcept concept) {
        return concept.getCoding().stream().map(coding -> coding.getSystem() + "|" + coding.getCode()).toList();
    }

    private static List<String> identifiers(List<Identifier> identifiers) {
        return identifiers.stream().map(identifier -> identifier.getSystem() + "|" + identifier.getValue()).toList();
    }

    private static void assertMoney(Money money, String amount) {
        assertThat(money.getCurrency()).isEqualTo("USD");
        assertThat(money.getValue()).isEqualByComparingTo(amount);
    }
}
