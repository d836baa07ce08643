package parkgrid.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import parkgrid.testing.RequiredServices;

/** GDAL's command-line tools as the reference reader and writer of the format tests ({@code gdal-bin}). */
public final class Gdal {
    private Gdal() {}

    /** {@code ogrinfo -ro} with the arguments; the output (stdout and stderr), failing on a non-zero exit. */
    public static String ogrinfo(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(RequiredServices.executable("/usr/bin/ogrinfo").toString(), "-ro"));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    /** {@code ogr2ogr} with the arguments. */
    public static String ogr2ogr(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(RequiredServices.executable("/usr/bin/ogr2ogr").toString()));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + cmd);
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + out);
        return out;
    }

    /** The {@code Feature Count} ogrinfo prints for the (first) layer. */
    public static int featureCount(String ogrinfo) {
        Matcher m = Pattern.compile("Feature Count: (\\d+)").matcher(ogrinfo);
        if (!m.find()) throw new AssertionError("no feature count in:\n" + ogrinfo);
        return Integer.parseInt(m.group(1));
    }

    /** The EPSG code of the layer's CRS as ogrinfo identifies it (the last top-level {@code ID["EPSG",…]}), or 0. */
    public static int epsg(String ogrinfo) {
        Matcher m = Pattern.compile("\\n {0,4}ID\\[\"EPSG\",(\\d+)\\]\\]").matcher(ogrinfo);
        int code = 0;
        while (m.find()) code = Integer.parseInt(m.group(1));
        return code;
    }

    /** The OGR field type ogrinfo -so lists for a field: {@code String}, {@code Integer}, {@code Integer64}, {@code Real}. */
    public static String fieldType(String ogrinfo, String field) {
        Matcher m = Pattern.compile("\\n" + Pattern.quote(field) + ": (\\w+) ").matcher(ogrinfo);
        if (!m.find()) throw new AssertionError("no field " + field + " in:\n" + ogrinfo);
        return m.group(1);
    }
}
