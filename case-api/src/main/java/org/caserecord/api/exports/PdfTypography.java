package org.caserecord.api.exports;

import java.awt.Color;
import java.io.IOException;
import java.text.Normalizer;
import java.util.Locale;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;

/**
 * The fonts of the case file PDF, and the one place text is made printable with them.
 *
 * <p>The built-in PDF fonts cover WinAnsi only, and names like "Łukasz" are common, so the
 * document embeds Liberation Sans, the font OpenPDF itself ships as its fallback (Latin,
 * Greek, Cyrillic, Hebrew, typographic punctuation). A character that font has no glyph for,
 * e.g. "李", is written as its code point, "[U+674E]": never dropped or shown as an empty box,
 * so no part of a name or a note silently disappears from a record handed to someone else.
 */
final class PdfTypography {

    /** Inside the OpenPDF jar; if an upgrade removes it, the renderer fails at startup, not mid-export. */
    static final String FONT_RESOURCE = "font-fallback/LiberationSans-Regular.ttf";

    private static final Color MUTED = new Color(0x55, 0x55, 0x55);

    private final BaseFont baseFont;

    final Font title;
    final Font sectionHeading;
    final Font entryHeading;
    final Font label;
    final Font body;
    final Font note;
    final Font pageFurniture;

    PdfTypography() {
        try {
            baseFont = BaseFont.createFont(FONT_RESOURCE, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("The PDF font " + FONT_RESOURCE + " cannot be loaded", e);
        }
        // Only a regular face ships; OpenPDF draws BOLD with a stroked outline.
        title = new Font(baseFont, 18, Font.BOLD);
        sectionHeading = new Font(baseFont, 13, Font.BOLD);
        entryHeading = new Font(baseFont, 10, Font.BOLD);
        label = new Font(baseFont, 9, Font.NORMAL, MUTED);
        body = new Font(baseFont, 9.5f, Font.NORMAL);
        note = new Font(baseFont, 8.5f, Font.ITALIC, MUTED);
        pageFurniture = new Font(baseFont, 7.5f, Font.NORMAL, MUTED);
    }

    Phrase phrase(String text, Font font) {
        return new Phrase(printable(text), font);
    }

    /**
     * The text as the document shows it: composed (NFC, so "Zoë" typed as e + combining
     * diaeresis uses the font's "ë"), line breaks unified, tabs as spaces, and every code
     * point without a glyph replaced by its number in brackets, e.g. "[U+674E]" for 李.
     */
    String printable(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace("\r\n", "\n")
                .replace('\r', '\n')
                .replace("\t", "    ");
        StringBuilder printable = new StringBuilder(normalized.length());
        normalized.codePoints().forEach(codePoint -> {
            if (codePoint == '\n' || baseFont.charExists(codePoint)) {
                printable.appendCodePoint(codePoint);
            } else {
                printable.append(String.format(Locale.ROOT, "[U+%04X]", codePoint));
            }
        });
        return printable.toString();
    }
}
