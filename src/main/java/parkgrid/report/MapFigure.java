package parkgrid.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import parkgrid.analysis.compliance.ComplianceResult;
import parkgrid.analysis.compliance.ControlRule;
import parkgrid.analysis.compliance.LayerFinding;
import parkgrid.analysis.compliance.OverlapPiece;
import parkgrid.feature.Feature;

/**
 * The report's map figure, drawn with Java2D: the control layers' features around the project (each layer its
 * own colour), the overlaps (red) and parts outside a lie-inside layer (orange), the project boundary, a legend,
 * a scale bar and a north arrow. Lon/lat are drawn in a local equirectangular frame (metres per degree at the
 * centre latitude on WGS84), true to well under 1 % over a few kilometres.
 */
final class MapFigure {
    private static final Color[] LAYER_COLOURS = {
        new Color(0xF2, 0xD3, 0x6B), new Color(0x7F, 0xC9, 0x7F), new Color(0x9E, 0xC5, 0xE8), new Color(0xC9, 0xA9, 0xE0),
        new Color(0xE8, 0xB0, 0x8C)};
    private static final Color OVERLAP = new Color(0xD7, 0x19, 0x1C);
    private static final Color OUTSIDE = new Color(0xFD, 0x8D, 0x3C);
    private static final Color BOUNDARY = new Color(0x08, 0x30, 0x80);

    private final int width;
    private final int height;
    private final Font font;

    MapFigure(int width, int height, Font font) {
        this.width = width;
        this.height = height;
        this.font = font;
    }

    static Color colourOf(int layerIndex) {
        return LAYER_COLOURS[layerIndex % LAYER_COLOURS.length];
    }

    BufferedImage draw(ComplianceResult result) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        Frame frame = Frame.around(result.boundary().getEnvelopeInternal(), width, height);
        Envelope view = frame.viewLonLat();
        List<LayerFinding> findings = result.findings();
        for (int i = 0; i < findings.size(); i++) {
            Color fill = colourOf(i);
            for (Feature f : findings.get(i).layer().features()) {
                Geometry geom = f.geometry();
                if (geom == null || !view.intersects(geom.getEnvelopeInternal())) continue;
                Path2D path = frame.path(geom);
                g.setColor(new Color(fill.getRed(), fill.getGreen(), fill.getBlue(), 150));
                g.fill(path);
                g.setColor(fill.darker());
                g.setStroke(new BasicStroke(1f));
                g.draw(path);
            }
        }
        for (LayerFinding f : findings) {
            if (f.layer().rule() == ControlRule.INSIDE && f.outsidePart() != null && !f.outsidePart().isEmpty()) {
                g.setColor(new Color(OUTSIDE.getRed(), OUTSIDE.getGreen(), OUTSIDE.getBlue(), 170));
                g.fill(frame.path(f.outsidePart()));
            }
            if (f.layer().rule() == ControlRule.AVOID) {
                for (OverlapPiece p : f.pieces()) {
                    g.setColor(new Color(OVERLAP.getRed(), OVERLAP.getGreen(), OVERLAP.getBlue(), 200));
                    g.fill(frame.path(p.geometry()));
                }
            }
        }
        g.setColor(BOUNDARY);
        g.setStroke(new BasicStroke(3.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(frame.path(result.boundary()));
        legend(g, findings);
        scaleBar(g, frame);
        northArrow(g);
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(0, 0, width - 1, height - 1);
        g.dispose();
        return img;
    }

    private void legend(Graphics2D g, List<LayerFinding> findings) {
        g.setFont(font.deriveFont(Font.PLAIN, height / 38f));
        int line = (int) (height / 26f);
        int x = 16;
        int rows = findings.size() + 3;
        int y0 = height - 16 - rows * line;
        g.setColor(new Color(255, 255, 255, 220));
        g.fillRect(x - 8, y0 - 8, width / 3, rows * line + 12);
        int y = y0;
        swatch(g, x, y, line, null, BOUNDARY);
        text(g, "项目用地红线 project boundary", x + line + 6, y, line);
        y += line;
        swatch(g, x, y, line, OVERLAP, null);
        text(g, "占用 overlap", x + line + 6, y, line);
        y += line;
        swatch(g, x, y, line, OUTSIDE, null);
        text(g, "范围外 outside", x + line + 6, y, line);
        y += line;
        for (int i = 0; i < findings.size(); i++) {
            swatch(g, x, y, line, colourOf(i), null);
            text(g, findings.get(i).layer().labelZh(), x + line + 6, y, line);
            y += line;
        }
    }

    private static void swatch(Graphics2D g, int x, int y, int line, Color fill, Color outline) {
        int s = (int) (line * 0.7);
        if (fill != null) {
            g.setColor(fill);
            g.fillRect(x, y + (line - s) / 2, s, s);
        }
        if (outline != null) {
            g.setColor(outline);
            g.setStroke(new BasicStroke(3f));
            g.drawRect(x, y + (line - s) / 2, s, s);
        }
    }

    private static void text(Graphics2D g, String s, int x, int y, int line) {
        g.setColor(Color.BLACK);
        g.drawString(s, x, y + (int) (line * 0.75));
    }

    /** A bar of a round length, about a quarter of the width, bottom right. */
    private void scaleBar(Graphics2D g, Frame frame) {
        double target = frame.metresPerPixel() * width / 4;
        double step = Math.pow(10, Math.floor(Math.log10(target)));
        double metres = step;
        for (double m : new double[] {step, 2 * step, 5 * step}) if (m <= target) metres = m;
        int px = (int) Math.round(metres / frame.metresPerPixel());
        int x1 = width - 24 - px;
        int y = height - 28;
        g.setColor(Color.WHITE);
        g.fillRect(x1 - 8, y - (int) (height / 18f), px + 20, (int) (height / 18f) + 14);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2f));
        g.drawLine(x1, y, x1 + px, y);
        g.drawLine(x1, y - 8, x1, y + 4);
        g.drawLine(x1 + px, y - 8, x1 + px, y + 4);
        g.drawLine(x1 + px / 2, y - 5, x1 + px / 2, y + 2);
        g.setFont(font.deriveFont(Font.PLAIN, height / 40f));
        String label = metres >= 1000 ? String.format(Locale.ROOT, "%.0f km", metres / 1000) : String.format(Locale.ROOT, "%.0f m", metres);
        g.drawString(label, x1 + px / 2 - g.getFontMetrics().stringWidth(label) / 2, y - 12);
    }

    private void northArrow(Graphics2D g) {
        int cx = width - 48;
        int top = 22;
        int h = (int) (height / 9f);
        Path2D arrow = new Path2D.Double();
        arrow.moveTo(cx, top);
        arrow.lineTo(cx + h / 3.0, top + h);
        arrow.lineTo(cx, top + h * 0.72);
        arrow.lineTo(cx - h / 3.0, top + h);
        arrow.closePath();
        g.setColor(Color.BLACK);
        g.fill(arrow);
        g.setFont(font.deriveFont(Font.BOLD, height / 30f));
        g.drawString("N 北", cx - g.getFontMetrics().stringWidth("N 北") / 2, top + h + (int) (height / 28f));
    }

    /** Lon/lat → pixels: a local equirectangular frame fitted around the project with a margin. */
    private record Frame(double lon0, double lat0, double kx, double ky, double metresPerPixel, int width, int height) {
        static Frame around(Envelope box, int width, int height) {
            double lat = (box.getMinY() + box.getMaxY()) / 2;
            double phi = Math.toRadians(lat);
            double a = 6378137.0;
            double e2 = 0.00669437999014;
            double w = Math.sqrt(1 - e2 * Math.sin(phi) * Math.sin(phi));
            double kx = a * Math.cos(phi) / w * Math.PI / 180;       // metres per degree of longitude
            double ky = a * (1 - e2) / (w * w * w) * Math.PI / 180;  // metres per degree of latitude
            double wm = Math.max(box.getWidth() * kx, 1);
            double hm = Math.max(box.getHeight() * ky, 1);
            double mpp = Math.max(wm * 1.6 / width, hm * 1.6 / height);
            mpp = Math.max(mpp, 0.5);
            double lon0 = (box.getMinX() + box.getMaxX()) / 2 - width / 2.0 * mpp / kx;
            double lat0 = (box.getMinY() + box.getMaxY()) / 2 + height / 2.0 * mpp / ky;
            return new Frame(lon0, lat0, kx, ky, mpp, width, height);
        }

        Envelope viewLonLat() {
            return new Envelope(lon0, lon0 + width * metresPerPixel / kx, lat0 - height * metresPerPixel / ky, lat0);
        }

        double x(Coordinate c) {
            return (c.x - lon0) * kx / metresPerPixel;
        }

        double y(Coordinate c) {
            return (lat0 - c.y) * ky / metresPerPixel;
        }

        Path2D path(Geometry g) {
            Path2D p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                if (part instanceof Polygon poly) {
                    ring(p, poly.getExteriorRing().getCoordinates());
                    for (int h = 0; h < poly.getNumInteriorRing(); h++) ring(p, poly.getInteriorRingN(h).getCoordinates());
                } else if (part != g) {
                    p.append(path(part), false);
                }
            }
            return p;
        }

        private void ring(Path2D p, Coordinate[] cs) {
            for (int i = 0; i < cs.length; i++) {
                if (i == 0) p.moveTo(x(cs[i]), y(cs[i])); else p.lineTo(x(cs[i]), y(cs[i]));
            }
            p.closePath();
        }
    }
}
