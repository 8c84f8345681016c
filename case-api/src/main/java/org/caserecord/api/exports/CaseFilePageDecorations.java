package org.caserecord.api.exports;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * What every page of an export carries, so a single page that goes astray still says what it
 * belongs to: a confidentiality line and the case id with its version at the top, the export id
 * and "Page n of N" at the bottom. N is known only at the end, so it is drawn into a template
 * placed on every page and filled in when the document closes.
 */
final class CaseFilePageDecorations extends PdfPageEventHelper {

    private static final float TOTAL_WIDTH = 28;
    private static final float TOTAL_HEIGHT = 12;
    private static final float TOTAL_BASELINE = 3;
    /** Aligned text loses its trailing space, so "of" keeps its distance from N explicitly. */
    private static final float WORD_GAP = 2.5f;

    private final PdfTypography typography;
    private final String caseLine;
    private final String exportLine;
    private PdfTemplate totalPages;

    CaseFilePageDecorations(PdfTypography typography, CaseFileExport export) {
        this.typography = typography;
        this.caseLine = "Case " + export.caseId() + " · version " + export.version();
        this.exportLine = "Export " + export.exportId();
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        totalPages = writer.getDirectContent().createTemplate(TOTAL_WIDTH, TOTAL_HEIGHT);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        PdfContentByte canvas = writer.getDirectContent();
        float headerBaseline = document.top() + 24;
        float footerBaseline = document.bottom() - 28;
        show(canvas, Element.ALIGN_LEFT, "Confidential: protected health information", document.left(),
                headerBaseline);
        show(canvas, Element.ALIGN_RIGHT, caseLine, document.right(), headerBaseline);
        show(canvas, Element.ALIGN_LEFT, exportLine, document.left(), footerBaseline);
        float totalLeft = document.right() - TOTAL_WIDTH;
        show(canvas, Element.ALIGN_RIGHT, "Page " + writer.getPageNumber() + " of", totalLeft - WORD_GAP,
                footerBaseline);
        canvas.addTemplate(totalPages, totalLeft, footerBaseline - TOTAL_BASELINE);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        // Called after the last page was finished, when the writer already counts the next one.
        show(totalPages, Element.ALIGN_LEFT, String.valueOf(writer.getPageNumber() - 1), 0, TOTAL_BASELINE);
    }

    private void show(PdfContentByte canvas, int alignment, String text, float x, float y) {
        ColumnText.showTextAligned(canvas, alignment, typography.phrase(text, typography.pageFurniture), x, y, 0);
    }
}
