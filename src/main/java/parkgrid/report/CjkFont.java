package parkgrid.report;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import parkgrid.feature.ParkGridException;

/**
 * Where the PDF report's Chinese font comes from: a TrueType-outline (glyf) CJK font file found at run time,
 * never shipped in git. {@code PARKGRID_CJK_FONT} names one (.ttf or .ttc); else the first of
 * {@link #KNOWN_PATHS} that exists and loads (Debian {@code fonts-wqy-microhei} first). CFF-outline fonts
 * (Noto CJK .otf/.ttc, Source Han) are skipped: PDFBox cannot embed them, and other libraries that do embed
 * them render wrong glyphs (DEPS.md §5).
 */
public final class CjkFont {
    /** The environment variable naming the font file. */
    public static final String SETTING = "PARKGRID_CJK_FONT";
    /** A character every usable font must have. */
    private static final int PROBE = '农';

    /** Known system places of TrueType CJK fonts, tried in order. */
    public static final List<String> KNOWN_PATHS = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
            "C:\\Windows\\Fonts\\msyh.ttc",
            "C:\\Windows\\Fonts\\simsun.ttc",
            "C:\\Windows\\Fonts\\simhei.ttf",
            "/System/Library/Fonts/STHeiti Light.ttc",
            "/System/Library/Fonts/Supplemental/Songti.ttc",
            "/Library/Fonts/Arial Unicode.ttf",
            "/System/Library/Fonts/Supplemental/Arial Unicode.ttf");

    private final String configured;
    private final List<String> candidates;

    /** @param configured the setting's value (null or blank: search {@code candidates}) */
    public CjkFont(String configured, List<String> candidates) {
        this.configured = configured == null || configured.isBlank() ? null : configured.strip();
        this.candidates = List.copyOf(candidates);
    }

    /** From {@code PARKGRID_CJK_FONT} in {@code env}, else the known system paths. */
    public static CjkFont fromEnvironment(Map<String, String> env) {
        return new CjkFont(env.get(SETTING), KNOWN_PATHS);
    }

    /** The font file to use, if one is found. */
    public Optional<Path> locate() {
        if (configured != null) return usable(Path.of(configured)) ? Optional.of(Path.of(configured)) : Optional.empty();
        for (String c : candidates) {
            Path p = Path.of(c);
            if (usable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /**
     * The font file, or a problem naming the setting.
     *
     * @param parameter the input that asked for a PDF ({@code format})
     * @throws ParkGridException (unavailable: the server lacks the font, not the client's input) for
     *         {@code parameter} when no usable font is found
     */
    public Path require(String parameter) {
        return locate().orElseThrow(() -> ParkGridException.unavailable(parameter, configured != null
                ? "a PDF report needs a TrueType-outline CJK font: " + SETTING + "=" + configured
                        + " is not a readable TrueType (.ttf/.ttc with glyf outlines) font with Chinese glyphs; JSON and xlsx reports work without it"
                : "a PDF report needs a TrueType-outline CJK font and none was found: set " + SETTING
                        + " to one (e.g. /usr/share/fonts/truetype/wqy/wqy-microhei.ttc from Debian fonts-wqy-microhei); "
                        + "JSON and xlsx reports work without it", null));
    }

    /** The TrueType font in {@code file} that has Chinese glyphs (the first such face of a collection); caller closes the holder. */
    static Loaded load(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".ttc") || name.endsWith(".otc")) {
            TrueTypeCollection ttc = new TrueTypeCollection(file.toFile());
            List<TrueTypeFont> fonts = new ArrayList<>();
            ttc.processAllFonts(fonts::add);
            for (TrueTypeFont f : fonts) {
                if (hasCjkGlyf(f)) return new Loaded(f, ttc);
            }
            ttc.close();
            throw new IOException(file + " has no TrueType-outline face with Chinese glyphs");
        }
        TrueTypeFont f = new TTFParser().parse(new RandomAccessReadBufferedFile(new File(file.toString())));
        if (!hasCjkGlyf(f)) {
            f.close();
            throw new IOException(file + " is not a TrueType-outline font with Chinese glyphs");
        }
        return new Loaded(f, f);
    }

    private static boolean hasCjkGlyf(TrueTypeFont f) throws IOException {
        if (f instanceof OpenTypeFont otf && otf.isPostScript()) return false;
        if (f.getGlyph() == null) return false;
        return f.getUnicodeCmapLookup(false) != null && f.getUnicodeCmapLookup(false).getGlyphId(PROBE) > 0;
    }

    private static boolean usable(Path p) {
        if (!Files.isReadable(p) || Files.isDirectory(p)) return false;
        try (Loaded ignored = load(p)) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A loaded font and what must be closed after the document is saved. */
    record Loaded(TrueTypeFont font, java.io.Closeable owner) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            owner.close();
        }
    }
}
