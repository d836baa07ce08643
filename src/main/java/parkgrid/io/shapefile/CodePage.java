package parkgrid.io.shapefile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The text encoding of a Shapefile's DBF, decided in this order: the client's choice; the {@code .cpg}
 * ({@code UTF-8}, {@code 65001}, {@code GBK}, {@code 936}, {@code GB2312}, {@code GB18030}, any Java charset
 * name); the DBF language driver id (byte 29: 0x4D and 0x7A GBK/CP936, 0x7B Big5 … ); else the bytes decide:
 * UTF-8 when they decode as UTF-8 without error, GBK otherwise (what a Chinese desktop GIS writes without saying).
 */
final class CodePage {
    static final Charset GBK = Charset.forName("GBK");

    private CodePage() {}

    /** The charset a {@code .cpg} names, if it names one. */
    static Optional<Charset> ofCpg(String cpg) {
        if (cpg == null) return Optional.empty();
        String c = cpg.trim().toUpperCase(Locale.ROOT);
        if (c.isEmpty()) return Optional.empty();
        switch (c) {
            case "UTF-8", "UTF8", "65001": return Optional.of(StandardCharsets.UTF_8);
            case "GBK", "936", "CP936", "ANSI 936", "GB2312", "MS936", "WINDOWS-936": return Optional.of(GBK);
            case "GB18030", "54936": return Optional.of(Charset.forName("GB18030"));
            case "BIG5", "950", "CP950": return Optional.of(Charset.forName("Big5"));
            case "1252", "ANSI 1252", "CP1252": return Optional.of(Charset.forName("windows-1252"));
            case "88591", "8859-1", "ISO-8859-1", "ISO88591": return Optional.of(StandardCharsets.ISO_8859_1);
            default:
                try {
                    return Optional.of(Charset.forName(c));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
        }
    }

    /** The charset a DBF language driver id names; empty for 0 (not said) and ids without a Chinese or UTF-8 meaning. */
    static Optional<Charset> ofLanguageDriver(int ldid) {
        return switch (ldid) {
            case 0x4D, 0x7A -> Optional.of(GBK);
            case 0x4E, 0x79 -> Optional.of(Charset.forName("x-windows-949"));
            case 0x4F, 0x78 -> Optional.of(Charset.forName("Big5"));
            case 0x57, 0x03 -> Optional.of(Charset.forName("windows-1252"));
            default -> Optional.empty();
        };
    }

    /** True when all of {@code in} decodes as UTF-8 (read to its end). */
    static boolean isUtf8(InputStream in) throws IOException {
        return parkgrid.io.Utf8Check.isUtf8(in);
    }
}
