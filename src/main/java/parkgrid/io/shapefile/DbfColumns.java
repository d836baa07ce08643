package parkgrid.io.shapefile;

import com.linuxense.javadbf.DBFDataType;
import com.linuxense.javadbf.DBFField;
import com.linuxense.javadbf.DBFWriter;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
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
 * with column widths taken from the data: strings {@code C} as wide as their longest value in the output
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
                BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
                int scale = Math.min(15, Math.max(1, exact.scale()));
                int intDigits = Math.max(1, exact.precision() - exact.scale());
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

    /** Writes the DBF (header with the measured widths, then every spooled row). */
    void writeDbf(Path dbf) throws IOException {
        spool.close();
        DBFField[] fields = new DBFField[names.size()];
        fields[0] = new DBFField(names.get(0), DBFDataType.NUMERIC, Math.max(10, width[0]), 0);
        for (int i = 1; i < fields.length; i++) {
            PropertyType t = properties.get(i - 1).type();
            fields[i] = switch (t) {
                case STRING -> new DBFField(names.get(i), DBFDataType.CHARACTER, Math.max(1, width[i]));
                case INTEGER -> new DBFField(names.get(i), DBFDataType.NUMERIC, Math.max(10, width[i]), 0);
                case NUMBER -> {
                    int d = decimals[i] == 0 ? 15 : decimals[i];
                    int w = width[i] == 0 ? 24 : width[i] + 1 + d;
                    yield new DBFField(names.get(i), DBFDataType.NUMERIC, Math.min(w, 40), d);
                }
            };
        }
        Files.deleteIfExists(dbf);
        DBFWriter w = new DBFWriter(dbf.toFile(), charset);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(spoolFile), 1 << 16))) {
            w.setFields(fields);
            Object[] row = new Object[fields.length];
            for (long r = 0; r < rows; r++) {
                for (int i = 0; i < row.length; i++) row[i] = readValue(in);
                w.addRecord(row);
            }
        } finally {
            w.close();
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
