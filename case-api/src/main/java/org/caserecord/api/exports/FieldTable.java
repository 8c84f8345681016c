package org.caserecord.api.exports;

import java.awt.Color;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * A block of the case file as a two-column table: optionally the title of the section it
 * opens, a heading row, then a label and a value per field. Fields without content are left out
 * ({@link #field}) or shown as "—" ({@link #fieldOrDash}) where the reader expects the line.
 *
 * <p>A section's title is the first row of its first table, not a paragraph of its own, so
 * that a page never ends with a title whose entries start on the next page.
 */
final class FieldTable {

    static final String DASH = "—";
    static final String NONE_RECORDED = "None recorded.";

    private static final Color HEADING_BACKGROUND = new Color(0xE8, 0xEC, 0xF0);
    private static final Color RULE = new Color(0xC8, 0xCE, 0xD4);

    private final PdfTypography typography;
    private final PdfPTable table;

    private FieldTable(PdfTypography typography, String sectionTitle, String heading, float widthPercentage) {
        this.typography = typography;
        this.table = new PdfPTable(new float[] {1.35f, 4f});
        table.setWidthPercentage(widthPercentage);
        table.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.setSpacingBefore(6);
        // Moves a short block to the next page rather than splitting it; a long one still splits.
        table.setKeepTogether(true);
        table.setSplitLate(false);
        if (sectionTitle != null) {
            PdfPCell title = cell(sectionTitle, typography.sectionHeading);
            title.setBorder(Rectangle.NO_BORDER);
            title.setPaddingLeft(0);
            title.setPaddingTop(10);
            title.setColspan(2);
            table.addCell(title);
        }
        if (heading != null) {
            PdfPCell headingCell = cell(heading, typography.entryHeading);
            headingCell.setColspan(2);
            headingCell.setBackgroundColor(HEADING_BACKGROUND);
            table.addCell(headingCell);
        }
    }

    /** A section that is a single block of fields, e.g. the export. */
    static FieldTable section(PdfTypography typography, String sectionTitle) {
        return new FieldTable(typography, sectionTitle, null, 100);
    }

    /** A section with no entries. */
    static FieldTable emptySection(PdfTypography typography, String sectionTitle) {
        FieldTable empty = new FieldTable(typography, sectionTitle, null, 100);
        PdfPCell none = empty.cell(NONE_RECORDED, typography.body);
        none.setBorder(Rectangle.NO_BORDER);
        none.setPaddingLeft(0);
        none.setColspan(2);
        empty.table.addCell(none);
        return empty;
    }

    /** A full-width entry; {@code sectionTitle} is given for the first entry of a section only. */
    static FieldTable entry(PdfTypography typography, String sectionTitle, String heading) {
        return new FieldTable(typography, sectionTitle, heading, 100);
    }

    /** An entry shown under another one, indented: an amendment under the entry it amends. */
    static FieldTable nested(PdfTypography typography, String heading) {
        return new FieldTable(typography, null, heading, 93);
    }

    /** Adds the field if it has content. */
    FieldTable field(String label, Object value) {
        String text = display(value);
        if (text != null) {
            addRow(label, text);
        }
        return this;
    }

    /** Adds the field, as "—" if it has no content. */
    FieldTable fieldOrDash(String label, Object value) {
        String text = display(value);
        addRow(label, text == null ? DASH : text);
        return this;
    }

    PdfPTable table() {
        return table;
    }

    /** ISO-8601 in UTC: instants as e.g. 2024-03-01T09:30:00Z, dates as 2024-03-01. */
    static String display(Object value) {
        if (value == null) {
            return null;
        }
        String text;
        if (value instanceof Instant instant) {
            text = DateTimeFormatter.ISO_INSTANT.format(instant);
        } else if (value instanceof LocalDate date) {
            text = DateTimeFormatter.ISO_LOCAL_DATE.format(date);
        } else if (value instanceof Boolean flag) {
            text = flag ? "Yes" : "No";
        } else if (value instanceof Enum<?> constant) {
            text = constant.name();
        } else if (value instanceof Collection<?> items) {
            text = items.stream().map(FieldTable::display).filter(Objects::nonNull)
                    .collect(Collectors.joining("\n"));
        } else {
            text = value.toString();
        }
        return text.isBlank() ? null : text;
    }

    private void addRow(String label, String value) {
        table.addCell(cell(label, typography.label));
        table.addCell(cell(value, typography.body));
    }

    private PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(typography.phrase(text, font));
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setBorderWidth(0.5f);
        cell.setPaddingTop(3);
        cell.setPaddingBottom(4);
        cell.setPaddingLeft(4);
        cell.setPaddingRight(4);
        // Applies the bidi algorithm, so a Hebrew name inside Latin text reads right to left.
        cell.setRunDirection(PdfWriter.RUN_DIRECTION_LTR);
        return cell;
    }
}
