package org.caserecord.api.exports;

import static org.caserecord.api.exports.FieldTable.display;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfWriter;
import org.caserecord.domain.model.Attendee;
import org.caserecord.domain.model.Client;
import org.caserecord.domain.model.Intervention;
import org.caserecord.domain.model.Provider;
import org.caserecord.domain.model.Recipient;
import org.caserecord.domain.model.TreatmentGoal;
import org.caserecord.projections.casefile.AmendmentView;
import org.caserecord.projections.casefile.AssessmentView;
import org.caserecord.projections.casefile.CaseFileView;
import org.caserecord.projections.casefile.ConsentView;
import org.caserecord.projections.casefile.DiagnosisView;
import org.caserecord.projections.casefile.EducationView;
import org.caserecord.projections.casefile.FamilyMemberView;
import org.caserecord.projections.casefile.FollowUpView;
import org.caserecord.projections.casefile.GoalProgressView;
import org.caserecord.projections.casefile.MeetingView;
import org.caserecord.projections.casefile.ProviderReportView;
import org.caserecord.projections.casefile.ReferralView;
import org.caserecord.projections.casefile.TreatmentPlanView;
import org.caserecord.projections.disclosures.DisclosureView;
import org.springframework.stereotype.Component;

/**
 * Renders a case file export as the PDF handed to its recipient (a conservatorship, another
 * facility): the export block, the client and case, then every section with every entry,
 * each entry as first written and followed by its amendments, and the accounting of
 * disclosures. Every page names the case and version. Nothing here logs: all of it is PHI.
 */
@Component
public class PdfCaseFileRenderer {

    private final PdfTypography typography = new PdfTypography();

    public byte[] render(CaseFileExport export) {
        CaseFileView file = Objects.requireNonNull(export.caseFile(), "the export has no case file");
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 50, 50, 64, 60);
        PdfWriter writer = PdfWriter.getInstance(document, pdf);
        writer.setPageEvent(new CaseFilePageDecorations(typography, export));
        // Metadata shows without opening the document, so it carries ids only, never the client's name.
        document.addTitle("Case file " + export.caseId() + " at version " + export.version());
        document.addSubject("Case file export " + export.exportId());
        document.addCreator("Case Record Service");
        document.open();
        if (export.generatedAt() != null) {
            // Document.addCreationDate(PdfDate) ignores its argument and stamps the current time.
            writer.getInfo().put(PdfName.CREATIONDATE, new PdfDate(utc(export.generatedAt())));
        }

        title(document, export);
        exportBlock(document, export);
        caseSummary(document, file);
        section(document, "Meetings", file.meetings(), this::meeting);
        section(document, "Referrals", file.referrals(), this::referral);
        section(document, "Assessments", file.assessments(), this::assessment);
        section(document, "Diagnoses", file.diagnoses(), this::diagnosis);
        section(document, "Treatment plan versions", planVersions(file), this::planVersion);
        Map<UUID, String> goals = goalDescriptions(planVersions(file));
        section(document, "Goal progress", file.goalProgress(),
                (doc, progress, position) -> goalProgress(doc, progress, position, goals));
        section(document, "Provider reports", file.providerReports(), this::providerReport);
        section(document, "Follow-ups", file.followUps(), this::followUp);
        section(document, "Education", file.education(), this::education);
        section(document, "Family members", file.familyMembers(), this::familyMember);
        section(document, "Consents", file.consents(), this::consent);
        section(document, "Accounting of disclosures", export.disclosures(),
                (doc, disclosure, position) -> disclosure(doc, disclosure, position, export.exportId()));

        document.close();
        return pdf.toByteArray();
    }

    private void title(Document document, CaseFileExport export) {
        document.add(new Paragraph(typography.phrase("Case file", typography.title)));
        note(document, "The complete case record as it stood at version " + export.version()
                + ", disclosed to the recipient named below. Entries are shown as first written;"
                + " amendments follow the entry they amend. Times are ISO-8601 in UTC.");
        note(document, "Characters the document font cannot show are written as their Unicode code point,"
                + " e.g. [U+674E].");
    }

    private void exportBlock(Document document, CaseFileExport export) {
        Recipient recipient = export.recipient();
        document.add(FieldTable.section(typography, "Export")
                .fieldOrDash("Export id", export.exportId())
                .fieldOrDash("Case id", export.caseId())
                .fieldOrDash("Case version", export.version())
                .fieldOrDash("Chain hash", export.chainHash())
                .fieldOrDash("Hash algorithm", export.hashAlgorithm())
                .fieldOrDash("Generated at", export.generatedAt())
                .fieldOrDash("Recipient", recipient == null ? null : recipient.name())
                .fieldOrDash("Organization", recipient == null ? null : recipient.organization())
                .fieldOrDash("Address", recipient == null ? null : recipient.address())
                .fieldOrDash("Purpose", export.purpose())
                .table());
    }

    private void caseSummary(Document document, CaseFileView file) {
        Client client = file.client();
        document.add(FieldTable.section(typography, "Client and case")
                .fieldOrDash("Client", client == null ? null : client.name())
                .fieldOrDash("Date of birth", client == null ? null : client.dateOfBirth())
                .fieldOrDash("Status", file.status())
                .fieldOrDash("Case manager", file.caseManagerId())
                .fieldOrDash("Opened on", file.openedOn())
                .fieldOrDash("Referral source", file.referralSource())
                .fieldOrDash("Presenting concerns", file.presentingConcerns())
                .fieldOrDash("Risk level", file.riskLevel())
                .fieldOrDash("Closed on", file.closedOn())
                .fieldOrDash("Closure reason", file.closureReason())
                .fieldOrDash("Closure summary", file.closureSummary())
                .field("Reopen reason", file.reopenReason())
                .fieldOrDash("Record created", file.recordedAt())
                .fieldOrDash("Last updated", file.updatedAt())
                .table());
    }

    private void meeting(Document document, MeetingView meeting, Position position) {
        entry(document, "Meeting", position, meeting.occurredAt(), table -> table
                .field("Occurred at", meeting.occurredAt())
                .field("Type", meeting.type())
                .field("Duration", meeting.durationMinutes() + " minutes")
                .field("Attendees", nonNull(meeting.attendees()).stream().map(PdfCaseFileRenderer::attendee).toList())
                .field("Notes", meeting.notes())
                .field("Recorded at", meeting.recordedAt())
                .field("Recorded by", meeting.recordedBy())
                .field("Entry id", meeting.meetingId()), meeting.amendments());
    }

    private void referral(Document document, ReferralView referral, Position position) {
        entry(document, "Referral", position, referral.addedAt(), table -> table
                .field("Provider", provider(referral.provider()))
                .field("Reason", referral.reason())
                .field("Urgency", referral.urgency())
                .field("Status", referral.status())
                .field("Outcome", referral.outcomeReason())
                .field("Added at", referral.addedAt())
                .field("Updated at", referral.updatedAt())
                .field("Entry id", referral.referralId()), referral.amendments());
    }

    private void assessment(Document document, AssessmentView assessment, Position position) {
        entry(document, "Assessment", position, assessment.occurredAt(), table -> table
                .field("Type", assessment.type())
                .field("Occurred at", assessment.occurredAt())
                .field("Summary", assessment.summary())
                .field("Needs", assessment.needs())
                .field("Risk level", assessment.riskLevel())
                .field("Recorded at", assessment.recordedAt())
                .field("Recorded by", assessment.recordedBy())
                .field("Entry id", assessment.assessmentId()), assessment.amendments());
    }

    private void diagnosis(Document document, DiagnosisView diagnosis, Position position) {
        entry(document, "Diagnosis", position, diagnosis.diagnosedOn(), table -> table
                .field("Code", diagnosis.code())
                .field("Description", diagnosis.description())
                .field("Primary", diagnosis.primary())
                .field("Diagnosed by", diagnosis.diagnosedBy())
                .field("Diagnosed on", diagnosis.diagnosedOn())
                .field("Status", diagnosis.status())
                .field("Resolved on", diagnosis.resolvedOn())
                .field("Resolution reason", diagnosis.resolutionReason())
                .field("Recorded at", diagnosis.recordedAt())
                .field("Recorded by", diagnosis.recordedBy())
                .field("Entry id", diagnosis.diagnosisId()), diagnosis.amendments());
    }

    /** Plan versions are replaced, never amended: each one is shown whole. */
    private void planVersion(Document document, TreatmentPlanView plan, Position position) {
        boolean current = position.number() == position.count();
        FieldTable table = FieldTable.entry(typography, position.sectionTitle(),
                        "Treatment plan version " + plan.planVersion() + (current ? " (current)" : ""))
                .field("Review by", plan.reviewBy())
                .field("Recorded at", plan.recordedAt())
                .field("Recorded by", plan.recordedBy());
        List<TreatmentGoal> goals = nonNull(plan.goals());
        if (goals.isEmpty()) {
            table.field("Goals", FieldTable.NONE_RECORDED);
        }
        for (int i = 0; i < goals.size(); i++) {
            TreatmentGoal goal = goals.get(i);
            table.field("Goal " + (i + 1), lines(goal.description(), "Target date", goal.targetDate()));
        }
        List<Intervention> interventions = nonNull(plan.interventions());
        if (interventions.isEmpty()) {
            table.field("Interventions", FieldTable.NONE_RECORDED);
        }
        for (int i = 0; i < interventions.size(); i++) {
            Intervention intervention = interventions.get(i);
            table.field("Intervention " + (i + 1), lines(intervention.description(),
                    "Provider", provider(intervention.provider()), "Frequency", intervention.frequency()));
        }
        document.add(table.table());
    }

    private void goalProgress(Document document, GoalProgressView progress, Position position,
                              Map<UUID, String> goals) {
        entry(document, "Goal progress", position, progress.occurredAt(), table -> table
                .field("Goal", goals.getOrDefault(progress.goalId(), display(progress.goalId())))
                .field("Occurred at", progress.occurredAt())
                .field("Rating", progress.rating())
                .field("Note", progress.note())
                .field("Recorded at", progress.recordedAt())
                .field("Recorded by", progress.recordedBy())
                .field("Entry id", progress.progressId()), progress.amendments());
    }

    private void providerReport(Document document, ProviderReportView report, Position position) {
        entry(document, "Provider report", position, report.receivedOn(), table -> table
                .field("Provider", provider(report.provider()))
                .field("Received on", report.receivedOn())
                .field("Period from", report.periodFrom())
                .field("Period to", report.periodTo())
                .field("Summary", report.summary())
                .field("Recorded at", report.recordedAt())
                .field("Recorded by", report.recordedBy())
                .field("Entry id", report.reportId()), report.amendments());
    }

    private void followUp(Document document, FollowUpView followUp, Position position) {
        entry(document, "Follow-up", position, followUp.dueOn(), table -> table
                .field("Due on", followUp.dueOn())
                .field("Purpose", followUp.purpose())
                .field("Status", followUp.status())
                .field("Completed at", followUp.completedAt())
                .field("Outcome", followUp.outcome())
                .field("Client satisfied with treatment", followUp.clientSatisfiedWithTreatment())
                .field("Recorded at", followUp.recordedAt())
                .field("Recorded by", followUp.recordedBy())
                .field("Entry id", followUp.followUpId()), followUp.amendments());
    }

    private void education(Document document, EducationView education, Position position) {
        entry(document, "Education", position, education.occurredAt(), table -> table
                .field("Occurred at", education.occurredAt())
                .field("Recipient", education.recipient())
                .field("Recipient name", education.recipientName())
                .field("Topic", education.topic())
                .field("Format", education.format())
                .field("Materials", education.materials())
                .field("Recorded at", education.recordedAt())
                .field("Recorded by", education.recordedBy())
                .field("Entry id", education.educationId()), education.amendments());
    }

    private void familyMember(Document document, FamilyMemberView member, Position position) {
        entry(document, "Family member", position, null, table -> table
                .field("Name", member.name())
                .field("Relationship", member.relationship())
                .field("Contact", member.contact())
                .field("Involved in treatment", member.involvedInTreatment())
                .field("Recorded at", member.recordedAt())
                .field("Recorded by", member.recordedBy())
                .field("Entry id", member.memberId()), member.amendments());
    }

    private void consent(Document document, ConsentView consent, Position position) {
        entry(document, "Consent", position, consent.grantedOn(), table -> table
                .field("Scope", consent.scope())
                .field("Granted to", consent.grantedTo())
                .field("Granted on", consent.grantedOn())
                .field("Valid until", consent.validUntil())
                .field("Status", consent.status())
                .field("Revoked on", consent.revokedOn())
                .field("Recorded at", consent.recordedAt())
                .field("Recorded by", consent.recordedBy())
                .field("Entry id", consent.consentId()), consent.amendments());
    }

    private void disclosure(Document document, DisclosureView disclosure, Position position,
                            UUID thisExport) {
        Recipient recipient = disclosure.recipient();
        boolean thisDocument = thisExport != null && thisExport.equals(disclosure.exportId());
        FieldTable table = FieldTable.entry(typography, position.sectionTitle(),
                        position.heading("Disclosure", disclosure.disclosedOn())
                                + (thisDocument ? " · this document" : ""))
                .field("Disclosed on", disclosure.disclosedOn())
                .field("Recipient", recipient == null ? null : recipient.name())
                .field("Organization", recipient == null ? null : recipient.organization())
                .field("Address", recipient == null ? null : recipient.address())
                .field("Purpose", disclosure.purpose())
                .field("Description", disclosure.description())
                .field("Legal basis", disclosure.legalBasis())
                .field("Export id", disclosure.exportId())
                .field("Export format", disclosure.exportFormat())
                .field("Recorded at case version", disclosure.sequence())
                .field("Recorded at", disclosure.recordedAt())
                .field("Recorded by", disclosure.recordedBy())
                .field("Disclosure id", disclosure.disclosureId());
        document.add(table.table());
    }

    /** An entry's fields, then each of its amendments, indented under it. */
    private void entry(Document document, String kind, Position position, Object when,
                       UnaryOperator<FieldTable> fields, List<AmendmentView> amendments) {
        FieldTable entry = FieldTable.entry(typography, position.sectionTitle(), position.heading(kind, when));
        document.add(fields.apply(entry).table());
        List<AmendmentView> amending = nonNull(amendments);
        for (int i = 0; i < amending.size(); i++) {
            AmendmentView amendment = amending.get(i);
            document.add(FieldTable.nested(typography, "Amendment " + (i + 1) + " of " + amending.size()
                            + " to " + kind.toLowerCase(Locale.ROOT) + " " + position.number())
                    .field("Text", amendment.text())
                    .field("Reason", amendment.reason())
                    .field("Recorded at", amendment.recordedAt())
                    .field("Recorded by", amendment.recordedBy())
                    .field("Amendment id", amendment.amendmentId())
                    .table());
        }
    }

    private <T> void section(Document document, String title, List<T> entries, EntryRenderer<T> renderer) {
        List<T> present = nonNull(entries);
        if (present.isEmpty()) {
            document.add(FieldTable.emptySection(typography, title).table());
        }
        for (int i = 0; i < present.size(); i++) {
            renderer.render(document, present.get(i), new Position(title, i + 1, present.size()));
        }
    }

    @FunctionalInterface
    private interface EntryRenderer<T> {
        void render(Document document, T entry, Position position);
    }

    /** Where an entry stands in its section; the first one carries the section's title. */
    private record Position(String section, int number, int count) {

        String sectionTitle() {
            return number == 1 ? section + " (" + count + ")" : null;
        }

        /** "Meeting 3 of 80 · 2024-03-04T09:00:00Z". */
        String heading(String kind, Object when) {
            String date = display(when);
            return kind + " " + number + " of " + count + (date == null ? "" : " · " + date);
        }
    }

    private void note(Document document, String text) {
        Paragraph note = new Paragraph(typography.phrase(text, typography.note));
        note.setSpacingBefore(4);
        document.add(note);
    }

    /** The plan versions, oldest first; a file with only a current plan still shows it. */
    private static List<TreatmentPlanView> planVersions(CaseFileView file) {
        List<TreatmentPlanView> versions = nonNull(file.treatmentPlanVersions());
        return versions.isEmpty() && file.treatmentPlan() != null ? List.of(file.treatmentPlan()) : versions;
    }

    /** Goal ids stay the same across plan versions; the latest version's wording wins. */
    private static Map<UUID, String> goalDescriptions(List<TreatmentPlanView> versions) {
        Map<UUID, String> descriptions = new HashMap<>();
        for (TreatmentPlanView version : versions) {
            for (TreatmentGoal goal : nonNull(version.goals())) {
                if (goal.goalId() != null && display(goal.description()) != null) {
                    descriptions.put(goal.goalId(), goal.description());
                }
            }
        }
        return descriptions;
    }

    private static String attendee(Attendee attendee) {
        return nameWithKind(attendee.name(), attendee.role());
    }

    private static String provider(Provider provider) {
        return provider == null ? null : nameWithKind(provider.name(), provider.type());
    }

    /** "Eastside Housing (HOUSING)", "Maria Lopez (mother)". */
    private static String nameWithKind(String name, String kind) {
        String shownName = Objects.requireNonNullElse(display(name), FieldTable.DASH);
        return display(kind) == null ? shownName : shownName + " (" + kind + ")";
    }

    /** A first line, then "Label: value" lines for the labelled values that have content. */
    private static String lines(Object first, Object... labelled) {
        StringBuilder text = new StringBuilder(Objects.requireNonNullElse(display(first), FieldTable.DASH));
        for (int i = 0; i + 1 < labelled.length; i += 2) {
            String value = display(labelled[i + 1]);
            if (value != null) {
                text.append('\n').append(labelled[i]).append(": ").append(value);
            }
        }
        return text.toString();
    }

    private static Calendar utc(Instant instant) {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
