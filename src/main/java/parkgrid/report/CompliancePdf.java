package parkgrid.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import parkgrid.analysis.compliance.ComplianceResult;
import parkgrid.analysis.compliance.LayerFinding;

/**
 * The compliance review as a PDF (PDFBox): title, project area, overall and per-layer conclusions, the map
 * figure ({@link MapFigure}), the per-layer, per-class and per-feature tables and the units note. Chinese
 * text uses a TrueType CJK font ({@link CjkFont}) embedded as a subset (CID TrueType, Identity-H), so any
 * reader shows it and {@code pdftotext} gives it back.
 */
public final class CompliancePdf {
    private static final float MARGIN = 48;
    private static final float[] LAYER_COLUMNS = {0.25f, 0.20f, 0.14f, 0.11f, 0.13f, 0.17f};
    private static final float[] CLASS_COLUMNS = {0.22f, 0.18f, 0.10f, 0.18f, 0.14f, 0.18f};

    private final Path fontFile;

    /** @param fontFile a TrueType (.ttf/.ttc) font with Chinese glyphs, see {@link CjkFont} */
    public CompliancePdf(Path fontFile) {
        this.fontFile = fontFile;
    }

    /** The report's bytes. @param subject what was reviewed, e.g. the boundary's source */
    public byte[] write(ComplianceResult r, String subject) throws IOException {
        try (CjkFont.Loaded loaded = CjkFont.load(fontFile); PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, loaded.font(), true);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(ComplianceRows.TITLE);
            info.setCreator("ParkGrid");
            var cmap = loaded.font().getUnicodeCmapLookup(false);
            Writer w = new Writer(doc, font, cp -> cp == ' ' || cmap.getGlyphId(cp) > 0);
            w.text(ComplianceRows.TITLE + "  " + ComplianceRows.TITLE_EN, 17, true);
            w.gap(4);
            w.text("审查对象 Subject：" + subject, 10, false);
            w.text("生成时间 Generated：" + ZonedDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(java.time.ZoneOffset.UTC)), 10, false);
            w.text("项目用地面积 Project area：" + r.boundaryArea().zh() + "，" + ComplianceRows.m2(r.boundaryArea()) + " m²", 10, false);
            w.gap(6);
            w.text("总体结论 Overall：" + r.conclusionZh(), 12, true);
            w.text(r.conclusionEn(), 9, false);
            w.gap(4);
            for (LayerFinding f : r.findings()) {
                w.text("• " + f.conclusionZh(), 10.5f, false);
                w.text("  " + f.conclusionEn(), 8.5f, false);
            }
            w.gap(6);
            w.image(figure(r), 0.62f);
            w.gap(6);
            w.text("表 1 管控图层审查 Findings per control layer", 11, true);
            w.table(ComplianceRows.LAYER_HEADER, ComplianceRows.layerRows(r), LAYER_COLUMNS);
            List<List<String>> classes = ComplianceRows.classRows(r);
            if (!classes.isEmpty()) {
                w.gap(6);
                w.text("表 2 按类别统计 Overlap by class", 11, true);
                w.table(ComplianceRows.CLASS_HEADER, classes, CLASS_COLUMNS);
            }
            List<List<String>> pieces = ComplianceRows.pieceRows(r);
            if (!pieces.isEmpty()) {
                w.gap(6);
                w.text("表 3 占用图斑明细 Overlap per control feature", 11, true);
                w.table(ComplianceRows.PIECE_HEADER, pieces, CLASS_COLUMNS);
            }
            w.gap(8);
            w.text("说明 Notes：" + ComplianceRows.UNITS_NOTE, 8.5f, false);
            for (LayerFinding f : r.findings()) {
                w.text(f.layer().labelZh() + "（" + f.layer().name() + "）容差 tolerance " + f.layer().toleranceSquareMetres() + " m²", 8.5f, false);
            }
            w.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private BufferedImage figure(ComplianceResult r) throws IOException {
        Font awt;
        try {
            awt = Font.createFonts(fontFile.toFile())[0];
        } catch (FontFormatException e) {
            throw new IOException("cannot use " + fontFile + " for the map figure: " + e.getMessage(), e);
        }
        return new MapFigure(1400, 1000, awt).draw(r);
    }

    /** Lays out text, images and tables down the page, starting a new page when one is full. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDType0Font font;
        private final java.util.function.IntPredicate hasGlyph;
        private PDPageContentStream cs;
        private float y;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;

        Writer(PDDocument doc, PDType0Font font, java.util.function.IntPredicate hasGlyph) throws IOException {
            this.doc = doc;
            this.font = font;
            this.hasGlyph = hasGlyph;
            newPage();
        }

        private void newPage() throws IOException {
            if (cs != null) cs.close();
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void need(float h) throws IOException {
            if (y - h < MARGIN) newPage();
        }

        void gap(float h) {
            y -= h;
        }

        /** One paragraph, wrapped to the text width. */
        void text(String s, float size, boolean bold) throws IOException {
            for (String line : wrap(s, size, width)) {
                need(size * 1.45f);
                y -= size * 1.3f;
                show(line, MARGIN, y, size, bold);
                y -= size * 0.15f;
            }
        }

        private void show(String s, float x, float baseline, float size, boolean bold) throws IOException {
            cs.beginText();
            cs.setFont(font, size);
            if (bold) {
                cs.setRenderingMode(org.apache.pdfbox.pdmodel.graphics.state.RenderingMode.FILL_STROKE);
                cs.setLineWidth(size / 40f);
            }
            cs.newLineAtOffset(x, baseline);
            cs.showText(s);
            cs.endText();
            if (bold) cs.setRenderingMode(org.apache.pdfbox.pdmodel.graphics.state.RenderingMode.FILL);
        }

        void image(BufferedImage img, float heightShare) throws IOException {
            PDImageXObject x = LosslessFactory.createFromImage(doc, img);
            float h = width * img.getHeight() / img.getWidth();
            float maxH = (PDRectangle.A4.getHeight() - 2 * MARGIN) * heightShare;
            float w = width;
            if (h > maxH) {
                w = w * maxH / h;
                h = maxH;
            }
            need(h);
            y -= h;
            cs.drawImage(x, MARGIN + (width - w) / 2, y, w, h);
        }

        void table(List<String> header, List<List<String>> rows, float[] shares) throws IOException {
            row(header, shares, 8.5f, true);
            for (List<String> r : rows) row(r, shares, 8.5f, false);
        }

        private void row(List<String> cells, float[] shares, float size, boolean header) throws IOException {
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (int i = 0; i < cells.size(); i++) {
                List<String> w = wrap(cells.get(i), size, width * shares[i] - 6);
                wrapped.add(w);
                lines = Math.max(lines, w.size());
            }
            float h = lines * size * 1.3f + 5;
            need(h);
            float x = MARGIN;
            if (header) {
                cs.setNonStrokingColor(0.9f, 0.9f, 0.9f);
                cs.addRect(MARGIN, y - h, width, h);
                cs.fill();
                cs.setNonStrokingColor(0f, 0f, 0f);
            }
            for (int i = 0; i < cells.size(); i++) {
                float cw = width * shares[i];
                cs.setLineWidth(0.5f);
                cs.addRect(x, y - h, cw, h);
                cs.stroke();
                float baseline = y - size * 1.15f - 2;
                for (String line : wrapped.get(i)) {
                    show(line, x + 3, baseline, size, header);
                    baseline -= size * 1.3f;
                }
                x += cw;
            }
            y -= h;
        }

        /** Breaks {@code s} into lines no wider than {@code max} points (at spaces, or anywhere in CJK text). */
        private List<String> wrap(String text, float size, float max) throws IOException {
            String s = printable(text);
            List<String> out = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            int lastSpace = -1;
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                line.append(ch);
                if (cp == ' ') lastSpace = line.length() - 1;
                if (widthOf(line.toString(), size) > max && line.length() > 1) {
                    String rest;
                    if (lastSpace > 0 && !isCjk(cp)) {
                        rest = line.substring(lastSpace + 1);
                        line.setLength(lastSpace);
                    } else {
                        rest = ch;
                        line.setLength(line.length() - ch.length());
                    }
                    out.add(line.toString());
                    line = new StringBuilder(rest);
                    lastSpace = -1;
                }
                i += Character.charCount(cp);
            }
            if (line.length() > 0 || out.isEmpty()) out.add(line.toString());
            return out;
        }

        /** {@code s} with the characters the font has no glyph for replaced by '?' (PDFBox refuses to show them). */
        private String printable(String s) {
            StringBuilder b = new StringBuilder();
            s.codePoints().forEach(cp -> {
                if (hasGlyph.test(cp)) b.appendCodePoint(cp); else b.append('?');
            });
            return b.toString();
        }

        private static boolean isCjk(int cp) {
            return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
        }

        private float widthOf(String s, float size) throws IOException {
            return font.getStringWidth(s) / 1000f * size;
        }

        void close() throws IOException {
            cs.close();
        }
    }
}
