package parkgrid.io.shapefile;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import parkgrid.feature.Feature;
import parkgrid.io.CollectionMetadata;
import parkgrid.io.EncodingOptions;
import parkgrid.io.EsriWkt;
import parkgrid.io.FeatureEncoder;
import parkgrid.io.FileLayer;
import parkgrid.io.TextEncoding;

/**
 * A zipped ESRI Shapefile of one layer: {@code <layer>.shp}, {@code .shx}, {@code .dbf}, {@code .prj} (ESRI WKT
 * of the output CRS) and {@code .cpg} (the DBF's code page: {@code UTF-8} by default, {@code GBK} with
 * {@code encoding=gbk}, which also sets the DBF language driver id 0x7A). Point layers are shape type 1,
 * multipoint 8, (multi)line 3, (multi)polygon 5; a feature without geometry is a null shape. The DBF columns are
 * {@link DbfColumns}. While features arrive the {@code .shp}/{@code .shx} records go to temporary files and the
 * DBF rows to a spool; {@link #end} writes the headers (which hold the file lengths and the box) and zips all,
 * so memory stays one feature whatever the layer's size.
 */
public final class ShapefileEncoder implements FeatureEncoder {
    private final OutputStream out;
    private final EncodingOptions options;
    private Path dir;
    private FileLayer layer;
    private ShapeType type;
    private FileChannel shp;
    private FileChannel shx;
    /** The records of the .shp and the .shx, buffered into their channels (a write per record was a system call each). */
    private OutputStream shpRecords, shxRecords;
    private DbfColumns dbf;
    private final Envelope box = new Envelope();
    private long shpBytes = 100;
    private int records;

    public ShapefileEncoder(OutputStream out, EncodingOptions options) {
        this.out = out;
        this.options = options;
    }

    @Override
    public void start(CollectionMetadata metadata) throws IOException {
        layer = FileLayer.of(metadata, options, "Shapefile");
        type = ShapeType.of(layer.kind());
        dir = Files.createTempDirectory("parkgrid-shp");
        shp = FileChannel.open(dir.resolve("shp"), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        shx = FileChannel.open(dir.resolve("shx"), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        shp.position(100);
        shx.position(100);
        shpRecords = new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(shp), 1 << 16);
        shxRecords = new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(shx), 1 << 14);
        dbf = new DbfColumns(layer.properties(), options.encodingOrUtf8().charset(), dir);
    }

    @Override
    public void feature(Feature f) throws IOException {
        Geometry g = layer.geometry(f);
        if (g != null && !g.isEmpty()) box.expandToInclude(g.getEnvelopeInternal());
        byte[] content = ShpRecords.encode(g, type);
        records++;
        bigEndian(shpRecords, records, content.length / 2);
        shpRecords.write(content);
        bigEndian(shxRecords, (int) (shpBytes / 2), content.length / 2);
        shpBytes += 8 + content.length;
        if (shpBytes > 2L * Integer.MAX_VALUE) throw new IOException("a Shapefile's .shp is limited to 4 GB");
        dbf.add(f);
    }

    /** A record header: two big-endian ints. */
    private static void bigEndian(OutputStream o, int a, int b) throws IOException {
        o.write(new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a,
            (byte) (b >>> 24), (byte) (b >>> 16), (byte) (b >>> 8), (byte) b});
    }

    @Override
    public void end(Map<String, Object> trailing) throws IOException {
        shpRecords.flush();
        shxRecords.flush();
        shp.write(header(shpBytes), 0);
        shx.write(header(100 + 8L * records), 0);
        shp.close();
        shx.close();
        Path dbfFile = dir.resolve("dbf");
        dbf.writeDbf(dbfFile);
        TextEncoding encoding = options.encodingOrUtf8();
        String base = layer.name();
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(out, 1 << 16), StandardCharsets.UTF_8)) {
            // deflate's fastest level: a third of the default level's CPU, the zip about a fifth larger
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
            copy(zip, base + ".shp", dir.resolve("shp"));
            copy(zip, base + ".shx", dir.resolve("shx"));
            copy(zip, base + ".dbf", dbfFile);
            put(zip, base + ".prj", EsriWkt.of(layer.crs()).getBytes(StandardCharsets.US_ASCII));
            put(zip, base + ".cpg", (encoding == TextEncoding.GBK ? "GBK" : "UTF-8").getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** The 100-byte main file header: file code 9994 and length (16-bit words) big-endian, the rest little-endian. */
    private ByteBuffer header(long fileBytes) {
        Envelope e = box.isNull() ? new Envelope(0, 0, 0, 0) : box;
        ByteBuffer b = ByteBuffer.allocate(100);
        b.order(ByteOrder.BIG_ENDIAN).putInt(9994).putInt(0).putInt(0).putInt(0).putInt(0).putInt(0).putInt((int) (fileBytes / 2));
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(1000).putInt(type.code)
                .putDouble(e.getMinX()).putDouble(e.getMinY()).putDouble(e.getMaxX()).putDouble(e.getMaxY())
                .putDouble(0).putDouble(0).putDouble(0).putDouble(0);
        return b.flip();
    }

    private static void copy(ZipOutputStream zip, String name, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Files.copy(file, zip);
        zip.closeEntry();
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    @Override
    public void close() throws IOException {
        try {
            if (shp != null) shp.close();
            if (shx != null) shx.close();
            if (dbf != null) dbf.close();
            out.close();
        } finally {
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                }
            }
        }
    }
}
