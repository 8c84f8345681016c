package org.caserecord.api.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserecord.api.exports.CaseFileExportFixture.AMENDMENT_TEXT;
import static org.caserecord.api.exports.CaseFileExportFixture.CASE_ID;
import static org.caserecord.api.exports.CaseFileExportFixture.CHAIN_HASH;
import static org.caserecord.api.exports.CaseFileExportFixture.CLIENT_NAME;
import static org.caserecord.api.exports.CaseFileExportFixture.CONSERVATOR;
import static org.caserecord.api.exports.CaseFileExportFixture.CONSERVATORSHIP;
import static org.caserecord.api.exports.CaseFileExportFixture.EXPORT_ID;
import static org.caserecord.api.exports.CaseFileExportFixture.GENERATED_AT;
import static org.caserecord.api.exports.CaseFileExportFixture.HASH_ALGORITHM;
import static org.caserecord.api.exports.CaseFileExportFixture.MEETING_NOTES;
import static org.caserecord.api.exports.CaseFileExportFixture.PLAN_ONE_GOAL;
import static org.caserecord.api.exports.CaseFileExportFixture.PLAN_TWO_GOAL;
import static org.caserecord.api.exports.CaseFileExportFixture.REFERRAL_OUTCOME;
import static org.caserecord.api.exports.CaseFileExportFixture.VERSION;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfCaseFileRendererTest {

    private final PdfCaseFileRenderer renderer = new PdfCaseFileRenderer();

    @Test
    void exportBlockIdentifiesTheExportTheCaseVersionAndTheRecipient() {
        String text = text(renderer.render(CaseFileExportFixture.fullCase()));

        assertThat(text).contains(EXPORT_ID.toString(), CASE_ID.toString(), "Case version " + VERSION,
                CHAIN_HASH, HASH_ALGORITHM, "2024-06-03T14:05:09Z", CONSERVATOR, CONSERVATORSHIP,
                "Hauptstraße 12, 10827 Berlin", "CONSERVATORSHIP");
    }

    @Test
    void clientAndCaseSummaryIsShown() {
        String text = text(renderer.render(CaseFileExportFixture.fullCase()));

        assertThat(text).contains("Client " + CLIENT_NAME, "Date of birth 1987-05-14", "Status OPEN",
                "Case manager cm-0042", "Opened on 2024-02-12", "Referral source St. Mary's psychiatric ward",
                "Risk level MODERATE", "Closed on —");
    }

    @Test
    void everyMeetingIsShownWithItsNotes() {
        String text = text(renderer.render(CaseFileExportFixture.fullCase()));

        assertThat(text).contains(MEETING_NOTES);
        assertThat(text).contains("Meeting 4 of 4 · 2024-03-04T09:00:00Z", "Duration 50 minutes",
                "Maria Kowalczyk (mother)");
    }

    @Test
    void amendmentsFollowTheEntryTheyAmend() {
        String text = text(renderer.render(CaseFileExportFixture.fullCase()));

        assertThat(text).contains(AMENDMENT_TEXT, "Source of the information was misattributed.",
                "Amendment 1 of 2 to meeting 1", "Amendment 2 of 2 to meeting 1");
        int firstMeeting = text.indexOf(MEETING_NOTES[0]);
        int amendment = text.indexOf(AMENDMENT_TEXT);
        int secondMeeting = text.indexOf(MEETING_NOTES[1]);
        assertThat(amendment).isGreaterThan(firstMeeting).isLessThan(secondMeeting);
    }

    @Test
    void everyTreatmentPlanVersionIsShownWithItsGoalsAndInterventions() {
        String text = text(renderer.render(CaseFileExportFixture.fullCase()));

        assertThat(text).contains("Treatment plan version 1", "Treatment plan version 2 (current)", PLAN_ONE_GOAL,
                PLAN_TWO_GOAL, "Target date: 2024-08-01", "Tenancy support visits",
                "Provider: Eastside Housing (HOUSING)");
        assertThat(occurrences(text, PLAN_ONE_GOAL)).as("the goal carried over appears in both versions")
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void referralShowsItsStatusAndOutcome() {
        String text = text(renderer.render(CaseFileExportFixture.fullCase()));

        assertThat(text).contains("Provider Eastside Housing (HOUSING)", "Status ACCEPTED", REFERRAL_OUTCOME);
    }

    @Test
    void everyOtherSectionShowsItsEntries() {
        String text = text(renderer.render(CaseFileExportFixture.fullCase()));

        assertThat(text).contains("No current suicidal intent", "F32.1", "Primary Yes",
                "Goal " + PLAN_ONE_GOAL, "Rating SOME", "CBT-I", "Check tenancy and sleep",
                "Recognising early signs of relapse", "Relapse prevention leaflet", "+49 30 1234567",
                "SHARE_WITH_CONSERVATOR");
    }

    @Test
    void disclosuresListTheirRecipientAndMarkThisDocument() {
        String text = text(renderer.render(CaseFileExportFixture.fullCase()));

        assertThat(text).contains("Accounting of disclosures (1)", "Disclosure 1 of 1 · 2024-06-03 · this document",
                "Legal basis Court order 12 XVII 345/24", "Export format PDF");
        assertThat(occurrences(text, CONSERVATOR)).as("in the export block and in the disclosure")
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void charactersOutsideTheEmbeddedFontAreWrittenAsTheirCodePoints() {
        String text = text(renderer.render(CaseFileExportFixture.fullCase()));

        assertThat(text).contains("Zoë", "Łukasz", "—", "[U+674E][U+4F1F]");
    }

    @Test
    void decomposedAccentsControlCharactersAndHebrewRenderDeterministically() {
        String notes = "Zoe\u0308 said:\tשלום\r\nnext line\u0007 end";

        byte[] first = renderer.render(CaseFileExportFixture.withNote(notes));
        String text = text(first);

        assertThat(text).contains("Zoë said:", "next line[U+0007] end");
        assertThat(text(renderer.render(CaseFileExportFixture.withNote(notes)))).isEqualTo(text);
    }

    @Test
    void longTextWrapsAndNothingIsCutOff() {
        String notes = IntStream.rangeClosed(1, 2500).mapToObj(i -> "word%04d".formatted(i))
                .collect(Collectors.joining(" "));

        byte[] pdf = renderer.render(CaseFileExportFixture.withNote(notes));
        String text = text(pdf);

        List<String> missing = IntStream.rangeClosed(1, 2500).mapToObj(i -> "word%04d".formatted(i))
                .filter(word -> !text.contains(word)).toList();
        assertThat(missing).isEmpty();
        assertThat(pages(pdf)).as("notes longer than a page continue on the next").hasSizeGreaterThan(2);
    }

    @Test
    void manyMeetingsSpanSeveralPagesAndEveryPageNamesTheCaseVersionAndPage() {
        byte[] pdf = renderer.render(CaseFileExportFixture.caseWithMeetings(80));

        List<String> pages = pages(pdf);
        assertThat(pages).hasSizeGreaterThan(1);
        for (int page = 1; page <= pages.size(); page++) {
            assertThat(normalized(pages.get(page - 1))).as("page %d", page)
                    .contains("Case " + CASE_ID + " · version " + VERSION, "Export " + EXPORT_ID)
                    .contains("Page " + page + " of " + pages.size());
        }
        String text = normalized(String.join("\n", pages));
        assertThat(text).contains("Meeting note number 0 on", "Meeting note number 79 on", "Meeting 80 of 80");
    }

    @Test
    void anEmptyCaseSaysNoneRecordedInEverySection() {
        String text = text(renderer.render(CaseFileExportFixture.emptyCase()));

        assertThat(occurrences(text, "None recorded.")).isEqualTo(12);
        assertThat(text).contains("Meetings None recorded.", "Accounting of disclosures None recorded.",
                "Address —", "Presenting concerns —");
        assertThat(text).doesNotContainIgnoringCase("null");
    }

    @Test
    void metadataCarriesTitleAndCreationDateButNotTheClientsName() throws IOException {
        try (PDDocument document = Loader.loadPDF(renderer.render(CaseFileExportFixture.fullCase()))) {
            PDDocumentInformation information = document.getDocumentInformation();

            assertThat(information.getTitle()).isEqualTo("Case file " + CASE_ID + " at version " + VERSION);
            assertThat(information.getCreationDate().toInstant()).isEqualTo(GENERATED_AT);
            assertThat(information.getCOSObject().toString()).doesNotContain("Zo", "Kowalczyk");
        }
    }

    /** The document's text with every run of whitespace as one space: long values wrap at any space. */
    private static String text(byte[] pdf) {
        return normalized(String.join("\n", pages(pdf)));
    }

    private static List<String> pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            // Page decorations and tables are drawn apart from the body text; read pages as they look.
            stripper.setSortByPosition(true);
            List<String> pages = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String normalized(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static int occurrences(String text, String token) {
        Matcher matcher = Pattern.compile(Pattern.quote(token)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
