package org.caserecord.api.insurance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import ca.uhn.fhir.context.FhirContext;
import org.caserecord.api.insurance.InsuranceSummary.Client;
import org.caserecord.api.insurance.InsuranceSummary.Line;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Renders an insurance summary as a FHIR R4 collection {@link Bundle}: one {@link Claim} per client
 * per reimbursement request, with the Patient, payer Organization, rendering Practitioners and
 * Coverage as bundle entries referenced by {@code urn:uuid} full URLs. The UUIDs are derived from
 * stable keys, so the same summary always renders the same JSON.
 */
@Component
public class FhirClaims {

    static final String CLAIM_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/claim-type";
    static final String PRIORITY_SYSTEM = "http://terminology.hl7.org/CodeSystem/processpriority";
    static final String RELATIONSHIP_SYSTEM = "http://terminology.hl7.org/CodeSystem/subscriber-relationship";
    static final String NPI_SYSTEM = "http://hl7.org/fhir/sid/us-npi";
    static final String ICD_10_CM_SYSTEM = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String HCPCS_SYSTEM = "https://bluebutton.cms.gov/resources/codesystem/hcpcs";
    static final String PLACE_OF_SERVICE_SYSTEM =
            "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set";
    static final String PAYER_SYSTEM = "urn:caserecord:payer";
    static final String CURRENCY = "USD";

    /** Building a FhirContext scans the whole R4 model, so it is built once; it is thread-safe, parsers are not. */
    private static final FhirContext FHIR = FhirContext.forR4();

    public String toJson(InsuranceSummary summary) {
        return FHIR.newJsonParser().encodeResourceToString(bundle(summary));
    }

    private static Bundle bundle(InsuranceSummary summary) {
        Map<String, Resource> entries = new LinkedHashMap<>();
        for (Client client : summary.clients()) {
            addClaims(summary.payerId(), client, entries);
        }
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        entries.forEach((fullUrl, resource) -> bundle.addEntry().setFullUrl(fullUrl).setResource(resource));
        return bundle;
    }

    private static void addClaims(String summaryPayerId, Client client, Map<String, Resource> entries) {
        InsuranceSummary.Coverage coverage = client.coverage();
        String payerId = coverage != null && coverage.payerId() != null ? coverage.payerId() : summaryPayerId;
        String payerName = coverage == null ? null : coverage.payerName();

        Reference insurer = reference(entries, "organization:" + payerId, () -> organization(payerId, payerName))
                .setIdentifier(payerIdentifier(payerId))
                .setDisplay(payerName);
        Reference patient = reference(entries, "patient:" + client.caseId(), () -> patient(client, payerId));
        String coverageKey = "coverage:" + (coverage != null && coverage.coverageId() != null
                ? coverage.coverageId() : client.caseId() + ":" + payerId);
        Reference coverageReference = reference(entries, coverageKey,
                () -> coverage(coverage, patient, insurer));

        Map<UUID, List<Line>> linesByRequest = client.lines().stream()
                .collect(Collectors.groupingBy(Line::requestId, LinkedHashMap::new, Collectors.toList()));
        linesByRequest.forEach((requestId, lines) -> {
            Claim claim = claim(requestId, client, lines, patient, insurer, coverageReference, entries);
            entries.put(urn(requestId), claim);
        });
    }

    private static Claim claim(UUID requestId, Client client, List<Line> lines, Reference patient,
                               Reference insurer, Reference coverage, Map<String, Resource> entries) {
        Claim claim = new Claim();
        claim.setId(requestId.toString());
        claim.setStatus(Claim.ClaimStatus.ACTIVE);
        claim.setType(new CodeableConcept(new Coding(CLAIM_TYPE_SYSTEM, "professional", "Professional")));
        claim.setUse(Claim.Use.CLAIM);
        claim.setPatient(patient.copy());
        // The claim's own date, not today's: the same summary must always render the same bundle.
        lines.stream().map(Line::dateOfService).filter(Objects::nonNull).max(Comparator.naturalOrder())
                .ifPresent(latest -> claim.setCreatedElement(new DateTimeType(latest.toString())));
        claim.setInsurer(insurer.copy());
        claim.setPriority(new CodeableConcept(new Coding(PRIORITY_SYSTEM, "normal", "Normal")));

        List<String> npis = lines.stream().map(Line::renderingNpi).filter(Objects::nonNull).distinct().toList();
        for (int i = 0; i < npis.size(); i++) {
            String npi = npis.get(i);
            claim.addCareTeam()
                    .setSequence(i + 1)
                    .setProvider(reference(entries, "practitioner:" + npi, () -> practitioner(npi)));
        }
        String firstNpi = lines.get(0).renderingNpi();
        claim.setProvider(firstNpi == null
                ? new Reference().setDisplay("clinic")
                : reference(entries, "practitioner:" + firstNpi, () -> practitioner(firstNpi)));

        for (int i = 0; i < client.diagnoses().size(); i++) {
            claim.addDiagnosis()
                    .setSequence(i + 1)
                    .setDiagnosis(new CodeableConcept(new Coding(ICD_10_CM_SYSTEM, client.diagnoses().get(i), null)));
        }
        claim.addInsurance().setSequence(1).setFocal(true).setCoverage(coverage.copy());

        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            Claim.ItemComponent item = item(line, i + 1, client.diagnoses());
            if (line.renderingNpi() != null) {
                item.addCareTeamSequence(npis.indexOf(line.renderingNpi()) + 1);
            }
            claim.addItem(item);
            total = total.add(line.charge());
        }
        claim.setTotal(money(total));
        return claim;
    }

    private static Claim.ItemComponent item(Line line, int sequence, List<String> diagnoses) {
        Claim.ItemComponent item = new Claim.ItemComponent()
                .setSequence(sequence)
                .setProductOrService(new CodeableConcept(new Coding(HCPCS_SYSTEM, line.serviceCode(), null)));
        for (String modifier : line.modifiers()) {
            item.addModifier(new CodeableConcept(new Coding(HCPCS_SYSTEM, modifier, null)));
        }
        if (line.dateOfService() != null) {
            item.setServiced(date(line.dateOfService()));
        }
        if (line.placeOfService() != null) {
            item.setLocation(new CodeableConcept(new Coding(PLACE_OF_SERVICE_SYSTEM, line.placeOfService(), null)));
        }
        item.setQuantity(new Quantity().setValue(BigDecimal.valueOf(line.units())));
        item.setUnitPrice(money(line.unitRate()));
        item.setNet(money(line.charge()));
        // Pointers into Claim.diagnosis, which lists the client's diagnoses in order.
        for (String code : line.diagnosisCodes()) {
            int index = diagnoses.indexOf(code);
            if (index >= 0) {
                item.addDiagnosisSequence(index + 1);
            }
        }
        return item;
    }

    private static Patient patient(Client client, String payerId) {
        Patient patient = new Patient();
        if (client.coverage() != null && client.coverage().memberId() != null) {
            patient.addIdentifier(memberIdentifier(payerId, client.coverage().memberId()));
        }
        if (client.name() != null) {
            patient.addName(new HumanName().setText(client.name()));
        }
        if (client.dateOfBirth() != null) {
            patient.setBirthDateElement(date(client.dateOfBirth()));
        }
        return patient;
    }

    private static Organization organization(String payerId, String payerName) {
        return new Organization().addIdentifier(payerIdentifier(payerId)).setName(payerName);
    }

    private static Practitioner practitioner(String npi) {
        return new Practitioner().addIdentifier(new Identifier().setSystem(NPI_SYSTEM).setValue(npi));
    }

    private static Coverage coverage(InsuranceSummary.Coverage coverage, Reference patient, Reference payer) {
        Coverage resource = new Coverage()
                .setStatus(Coverage.CoverageStatus.ACTIVE)
                .setBeneficiary(patient.copy());
        resource.addPayor(payer.copy());
        if (coverage == null) {
            return resource;
        }
        resource.setSubscriberId(coverage.memberId());
        String relationship = relationshipCode(coverage.subscriberRelationship());
        if (relationship != null) {
            resource.setRelationship(new CodeableConcept(new Coding(RELATIONSHIP_SYSTEM, relationship, null)));
        }
        if (coverage.effectiveFrom() != null || coverage.effectiveTo() != null) {
            Period period = new Period();
            if (coverage.effectiveFrom() != null) {
                period.setStartElement(new DateTimeType(coverage.effectiveFrom().toString()));
            }
            if (coverage.effectiveTo() != null) {
                period.setEndElement(new DateTimeType(coverage.effectiveTo().toString()));
            }
            resource.setPeriod(period);
        }
        return resource;
    }

    /** SELF, SPOUSE, CHILD and OTHER are codes of the subscriber-relationship system; anything else is left out. */
    static String relationshipCode(String subscriberRelationship) {
        if (subscriberRelationship == null) {
            return null;
        }
        return switch (subscriberRelationship.toUpperCase(Locale.ROOT)) {
            case "SELF" -> "self";
            case "SPOUSE" -> "spouse";
            case "CHILD" -> "child";
            case "OTHER" -> "other";
            default -> null;
        };
    }

    static Identifier memberIdentifier(String payerId, String memberId) {
        return new Identifier().setSystem("urn:caserecord:payer:" + payerId + ":member").setValue(memberId);
    }

    private static Identifier payerIdentifier(String payerId) {
        return new Identifier().setSystem(PAYER_SYSTEM).setValue(payerId);
    }

    /** A reference to the bundle entry of the key, adding the entry the first time the key is seen. */
    private static Reference reference(Map<String, Resource> entries, String key,
                                       Supplier<Resource> resource) {
        UUID id = UUID.nameUUIDFromBytes(("caserecord:" + key).getBytes(StandardCharsets.UTF_8));
        String fullUrl = urn(id);
        entries.computeIfAbsent(fullUrl, url -> {
            Resource created = resource.get();
            created.setId(id.toString());
            return created;
        });
        return new Reference(fullUrl);
    }

    private static String urn(UUID id) {
        return "urn:uuid:" + id;
    }

    private static DateType date(LocalDate date) {
        return new DateType(date.toString());
    }

    private static Money money(BigDecimal amount) {
        return new Money().setValue(amount).setCurrency(CURRENCY);
    }
}
