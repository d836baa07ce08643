package parkgrid.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import parkgrid.geo.SupportedCrs;

/** Imported field names become ParkGrid names; .prj text gives the EPSG code both ways. */
class FieldNamesAndPrjTest {
    @Test
    void fieldNamesBecomeIdentifiers() {
        assertEquals(List.of("area_ha", "name_zh", "f3", "f_2020", "fid_1", "f6", "area_ha_2"),
                FieldNames.of(List.of("AREA_HA", "Name ZH", "名称", "2020", "FID", "所属县（区）", "area ha")).names());
    }

    @Test
    void everyServedCrsSurvivesItsPrj() {
        for (SupportedCrs crs : SupportedCrs.ALL) {
            int code = crs.epsg() == 0 ? 4326 : crs.epsg();
            assertEquals(Optional.of(code), EsriWkt.epsg(EsriWkt.of(crs)), crs.title());
        }
    }

    @Test
    void prjOfOtherWritersAreRecognised() {
        assertEquals(Optional.of(4546), EsriWkt.epsg("PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger CM 111E\",GEOGCS[\"China Geodetic Coordinate System 2000\","
                + "DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],"
                + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",111],"
                + "PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1],"
                + "AUTHORITY[\"EPSG\",\"4546\"]]"));
        assertEquals(Optional.of(4508), EsriWkt.epsg("PROJCS[\"CGCS2000_GK_CM_111E\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
                + "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
                + "PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],"
                + "PARAMETER[\"Central_Meridian\",111.0],PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]"));
        assertEquals(Optional.of(4490), EsriWkt.epsg("GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\","
                + "SPHEROID[\"CGCS2000\",6378137,298.257222101]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]"));
        assertEquals(Optional.empty(), EsriWkt.epsg("LOCAL_CS[\"unknown\"]"));
    }
}
