package parkgrid.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The text encodings an export offers ({@code encoding=} on {@code /export}): UTF-8 (the default), UTF-8
 * with a byte-order mark (so that Excel opens a CSV as UTF-8) and GBK (what older Chinese desktop GIS and
 * Excel on a Chinese Windows expect).
 */
public enum TextEncoding {
    UTF_8("utf-8", StandardCharsets.UTF_8, false),
    UTF_8_BOM("utf-8-bom", StandardCharsets.UTF_8, true),
    GBK("gbk", Charset.forName("GBK"), false);

    private final String parameterValue;
    private final Charset charset;
    private final boolean byteOrderMark;

    TextEncoding(String parameterValue, Charset charset, boolean byteOrderMark) {
        this.parameterValue = parameterValue;
        this.charset = charset;
        this.byteOrderMark = byteOrderMark;
    }

    /** The {@code encoding=} value: {@code utf-8}, {@code utf-8-bom}, {@code gbk}. */
    public String parameterValue() {
        return parameterValue;
    }

    public Charset charset() {
        return charset;
    }

    /** True when a text file starts with the UTF-8 byte-order mark EF BB BF. */
    public boolean byteOrderMark() {
        return byteOrderMark;
    }

    /** The encoding an {@code encoding=} value names, case-insensitively ({@code UTF8}, {@code GBK} …). */
    public static Optional<TextEncoding> find(String value) {
        if (value == null) return Optional.empty();
        String v = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (v.equals("utf8")) v = "utf-8";
        if (v.equals("cp936") || v.equals("936")) v = "gbk";
        String key = v;
        return Arrays.stream(values()).filter(e -> e.parameterValue.equals(key)).findFirst();
    }

    /** The {@code encoding=} values, default first. */
    public static List<String> parameterValues() {
        return Arrays.stream(values()).map(TextEncoding::parameterValue).toList();
    }
}
