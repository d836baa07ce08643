package parkgrid.io.shapefile;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import parkgrid.feature.Feature;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;

/**
 * The DBF table of an exported Shapefile: a {@code fid} column (the feature id) and one column per property,
 * named with at most 10 characters and unique ({@link #dbfNames}). Rows are spooled to a temporary file as
 * features arrive while the widest value of each column is measured; {@link #writeDbf} then writes the DBF
 * (written by this class; javadbf reads) with column widths taken from the data: strings {@code C} as wide as their longest value in the output
 * encoding (1–254 bytes, longer values are cut at a character boundary), integers {@code N(w,0)}, numbers
 * {@code N(w,d)} with the decimals the values need (1–15, so that every reader sees a real number).
 */
final class DbfColumns implements AutoCloseable {
    static final int MAX_NAME = 10;
    private static final int MAX_CHARS = 254;
    private static final byte NULL = 0, TEXT = 1, LONG = 2, DOUBLE = 3;

    private final List<PropertyDefinition> properties;
    private final List<String> names;
    private final Charset charset;
    private final Path spoolFile;
    private final DataOutputStream spool;
    private final int[] width;
    private final int[] decimals;
    private long rows;

    DbfColumns(List<PropertyDefinition> properties, Charset charset, Path tempDir) throws IOException {
        this.properties = List.copyOf(properties);
        this.names = dbfNames(properties.stream().map(PropertyDefinition::name).toList());
        this.charset = charset;
        this.spoolFile = Files.createTempFile(tempDir, "dbf", ".rows");
        this.spool = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spoolFile), 1 << 16));
        this.width = new int[properties.size() + 1];
        this.decimals = new int[properties.size() + 1];
    }

    /**
     * The DBF names of ParkGrid property names, in order, {@code fid} first: each cut to 10 characters; a
     * name already taken is cut further and numbered ({@code population_note} after {@code population} →
     * {@code populati_2}).
     */
    static List<String> dbfNames(List<String> propertyNames) {
        Set<String> taken = new HashSet<>();
        List<String> names = new ArrayList<>();
        taken.add("fid");
        names.add("fid");
        for (String p : propertyNames) {
            String n = p.length() > MAX_NAME ? p.substring(0, MAX_NAME) : p;
            for (int k = 2; !taken.add(n); k++) {
                String suffix = "_" + k;
                n = p.substring(0, Math.min(p.length(), MAX_NAME - suffix.length())) + suffix;
            }
            names.add(n);
        }
        return names;
    }

    /** Spools the feature's id and values (typed by the schema). */
    void add(Feature f) throws IOException {
        spoolLong(0, f.id());
        for (int i = 0; i < properties.size(); i++) {
            PropertyDefinition p = properties.get(i);
            Object v = p.type().coerce(f.properties().get(p.name()));
            if (v == null) {
                spool.writeByte(NULL);
            } else if (p.type() == PropertyType.STRING) {
                byte[] b = fit((String) v);
                spool.writeByte(TEXT);
                spool.writeInt(b.length);
                spool.write(b);
                width[i + 1] = Math.max(width[i + 1], b.length);
            } else if (p.type() == PropertyType.INTEGER) {
                spoolLong(i + 1, (Long) v);
            } else {
                double d = (Double) v;
                spool.writeByte(DOUBLE);
                spool.writeDouble(d);
                String text = Double.toString(Math.abs(d));
                int dot = text.indexOf('.');
                int scale, intDigits;
                if (text.indexOf('E') < 0 && dot > 0) {
                    int end = text.length();
                    while (end > dot + 1 && text.charAt(end - 1) == '0') end--;
                    scale = Math.min(15, Math.max(1, end - dot - 1));
                    intDigits = dot;
                } else {
                    BigDecimal exact = new BigDecimal(text).stripTrailingZeros();
                    scale = Math.min(15, Math.max(1, exact.scale()));
                    intDigits = Math.max(1, exact.precision() - exact.scale());
                }
                decimals[i + 1] = Math.max(decimals[i + 1], scale);
                width[i + 1] = Math.max(width[i + 1], intDigits + (d < 0 ? 1 : 0));
            }
        }
        rows++;
    }

    private void spoolLong(int column, long v) throws IOException {
        spool.writeByte(LONG);
        spool.writeLong(v);
        width[column] = Math.max(width[column], Long.toString(v).length());
    }

    /** The value's bytes in the output encoding, cut at a character boundary to at most 254 bytes. */
    private byte[] fit(String s) {
        byte[] b = s.getBytes(charset);
        int end = s.length();
        while (b.length > MAX_CHARS) {
            end = s.offsetByCodePoints(end, -1);
            b = s.substring(0, end).getBytes(charset);
        }
        return b;
    }

    /**
     * Writes the DBF (dBase III: header with the measured widths and the language driver id, then every spooled
     * row, then 0x1A). Written here rather than with javadbf's writer, which formats each number through a new
     * DecimalFormat and writes a record at a time to a RandomAccessFile — four times slower for a big layer.
     */
    void writeDbf(Path dbf) throws IOException {
        spool.close();
        int n = names.size();
        char[] type = new char[n];
        int[] w = new int[n];
        int[] d = new int[n];
        type[0] = 'N';
        w[0] = Math.max(10, width[0]);
        for (int i = 1; i < n; i++) {
            PropertyType t = properties.get(i - 1).type();
            switch (t) {
                case STRING -> {
                    type[i] = 'C';
                    w[i] = Math.max(1, width[i]);
                }
                case INTEGER -> {
                    type[i] = 'N';
                    w[i] = Math.max(10, width[i]);
                }
                case NUMBER -> {
                    type[i] = 'N';
                    d[i] = decimals[i] == 0 ? 15 : decimals[i];
                    w[i] = Math.min(width[i] == 0 ? 24 : width[i] + 1 + d[i], 254);
                }
            }
        }
        int recordLength = 1;
        for (int x : w) recordLength += x;
        if (rows > Integer.MAX_VALUE) throw new IOException("a DBF holds at most " + Integer.MAX_VALUE + " rows");
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(spoolFile), 1 << 16));
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(dbf), 1 << 16)) {
            ByteBuffer h = ByteBuffer.allocate(32 + 32 * n + 1).order(ByteOrder.LITTLE_ENDIAN);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            h.put((byte) 0x03).put((byte) (today.getYear() - 1900)).put((byte) today.getMonthValue()).put((byte) today.getDayOfMonth());
            h.putInt((int) rows).putShort((short) (32 + 32 * n + 1)).putShort((short) recordLength);
            h.position(29);
            h.put((byte) (charset.name().equalsIgnoreCase("GBK") ? 0x7A : 0x00));
            h.position(32);
            for (int i = 0; i < n; i++) {
                byte[] name = Arrays.copyOf(names.get(i).getBytes(StandardCharsets.US_ASCII), 11);
                name[10] = 0;
                h.put(name).put((byte) type[i]).putInt(0).put((byte) w[i]).put((byte) d[i]).put(new byte[14]);
            }
            h.put((byte) 0x0D);
            out.write(h.array());
            byte[] record = new byte[recordLength];
            for (long r = 0; r < rows; r++) {
                Arrays.fill(record, (byte) ' ');
                int at = 1;
                for (int i = 0; i < n; i++) {
                    Object v = readValue(in);
                    byte[] text = v == null ? null
                            : v instanceof String s ? s.getBytes(charset)
                            : v instanceof Long l ? Long.toString(l).getBytes(StandardCharsets.US_ASCII)
                            : BigDecimal.valueOf((Double) v).setScale(d[i], RoundingMode.HALF_UP).toPlainString().getBytes(StandardCharsets.US_ASCII);
                    if (text != null) {
                        if (text.length > w[i]) throw new IOException("value " + v + " does not fit DBF column " + names.get(i) + " (" + w[i] + ")");
                        int start = type[i] == 'C' ? at : at + w[i] - text.length;
                        System.arraycopy(text, 0, record, start, text.length);
                    }
                    at += w[i];
                }
                out.write(record);
            }
            out.write(0x1A);
        }
    }

    private Object readValue(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case TEXT -> {
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                yield new String(b, charset);
            }
            case LONG -> in.readLong();
            case DOUBLE -> in.readDouble();
            default -> throw new EOFException("spool file corrupt at tag " + tag);
        };
    }

    @Override
    public void close() throws IOException {
        spool.close();
        Files.deleteIfExists(spoolFile);
    }
}
