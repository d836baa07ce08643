package parkgrid.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;

/**
 * The land-approval boundary coordinate file (TXT 电子报盘, as CASS and most survey tools export it): what its
 * reader ({@link LandApprovalTxtReader}) and writer ({@link LandApprovalTxtEncoder}) share.
 *
 * <pre>
 * [属性描述]
 * 坐标系=2000国家大地坐标系  几度分带=3  投影类型=高斯克吕格  计量单位=米  带号=38 …
 * [地块坐标]
 * 界址点数,地块面积(公顷),地块编号,地块名称,记录图形属性(面),图幅号,地块用途,地类编码,@
 * J1,1,3751508.512,39438683.652      点号,圈号,X (northing),Y (easting, may carry the zone prefix)
 * </pre>
 * 圈号 1 is the outer ring, 2 … holes or further parts; a ring closes by repeating its first point.
 * The parcel header's fields are the layer's properties {@link #SCHEMA}, in this order.
 */
final class LandApprovalTxt {
    static final String ATTRIBUTES = "[属性描述]";
    static final String PARCELS = "[地块坐标]";

    /** The parcel header's fields after the point count, as properties (names are identifiers; see the class comment). */
    static final List<PropertyDefinition> SCHEMA = List.of(
            new PropertyDefinition("area_ha", PropertyType.NUMBER),       // 地块面积(公顷)
            new PropertyDefinition("parcel_no", PropertyType.STRING),     // 地块编号
            new PropertyDefinition("parcel_name", PropertyType.STRING),   // 地块名称
            new PropertyDefinition("shape", PropertyType.STRING),         // 记录图形属性 (面/线/点)
            new PropertyDefinition("sheet_no", PropertyType.STRING),      // 图幅号
            new PropertyDefinition("land_use", PropertyType.STRING),      // 地块用途
            new PropertyDefinition("land_class", PropertyType.STRING));   // 地类编码

    private LandApprovalTxt() {}

    /** UTF-8 when the bytes are valid UTF-8 (a BOM is skipped by the caller), else GBK: what Chinese survey tools write. */
    static Charset detect(byte[] head) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, utf8Boundary(head)));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("GBK");
        }
    }

    /** The length of {@code head} without a UTF-8 sequence cut off at its end. */
    private static int utf8Boundary(byte[] b) {
        int n = b.length;
        for (int back = 1; back <= 3 && n - back >= 0; back++) {
            int c = b[n - back] & 0xFF;
            if (c >= 0xC0) return n - back;   // a lead byte whose sequence may be cut
            if (c < 0x80) return n;           // ASCII: nothing cut
        }
        return n;
    }
}
