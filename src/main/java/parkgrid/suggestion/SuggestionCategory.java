package parkgrid.suggestion;

import java.util.Arrays;
import java.util.Optional;

/** What a suggestion is about, as the citizens' form offers it. */
public enum SuggestionCategory {
    GREEN_SPACE("green_space", "公园绿地", "Parks and green space"),
    PUBLIC_FACILITY("public_facility", "公共服务设施", "Public facilities"),
    POWER_SUPPLY("power_supply", "供电与电网", "Power supply and grid"),
    TRAFFIC("traffic", "道路交通", "Roads and traffic"),
    ENVIRONMENT("environment", "生态环境", "Environment"),
    INDUSTRY("industry", "产业园区", "Industry and the park"),
    OTHER("other", "其他", "Other");

    private final String code;
    private final String labelZh;
    private final String labelEn;

    SuggestionCategory(String code, String labelZh, String labelEn) {
        this.code = code;
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    public String code() { return code; }

    public String labelZh() { return labelZh; }

    public String labelEn() { return labelEn; }

    public static Optional<SuggestionCategory> of(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
