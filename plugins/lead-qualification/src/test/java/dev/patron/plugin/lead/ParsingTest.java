package dev.patron.plugin.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParsingTest {

    @Test
    void readsTheHostsAttributeJsonAsText() {
        assertThat(FlatJson.attributes("{\"budget\":\"50000.00\",\"n\":50000,\"d\":1.5e3,\"decisionMaker\":true,"
                + "\"gone\":null,\"nested\":{\"a\":[1,{\"b\":\"}\"}]},\"need\":\"tea \\\"Pu'er\\\" \\u8336\"}"))
                .containsExactly(Map.entry("budget", "50000.00"), Map.entry("n", "50000"), Map.entry("d", "1.5e3"),
                        Map.entry("decisionMaker", "true"), Map.entry("need", "tea \"Pu'er\" 茶"));
        assertThat(FlatJson.attributes("{}")).isEmpty();
        assertThat(FlatJson.attributes(" { } ")).isEmpty();
        assertThat(FlatJson.attributes("{\"a\":")).isEmpty();
        assertThat(FlatJson.attributes(null)).isEmpty();
    }

    @Test
    void readsDatesInCommonSpellings() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        assertThat(AttributeValues.date("2026-06-27", shanghai)).isEqualTo(LocalDate.of(2026, 6, 27));
        assertThat(AttributeValues.date("2026/06/27", shanghai)).isEqualTo(LocalDate.of(2026, 6, 27));
        assertThat(AttributeValues.date("2026-06-27T18:00:00Z", shanghai)).isEqualTo(LocalDate.of(2026, 6, 28));
        assertThat(AttributeValues.date("2026-06-27T18:00:00-02:00", shanghai)).isEqualTo(LocalDate.of(2026, 6, 28));
        assertThat(AttributeValues.date("2026-06-27T23:30:00", shanghai)).isEqualTo(LocalDate.of(2026, 6, 27));
        assertThat(AttributeValues.date("2026-06-27 23:30", shanghai)).isEqualTo(LocalDate.of(2026, 6, 27));
        assertThat(AttributeValues.date("soon", shanghai)).isNull();
        assertThat(AttributeValues.date("2026-13-01", shanghai)).isNull();
    }

    @Test
    void readsAmountsAndFlags() {
        assertThat(AttributeValues.decimal("1,234,567.5")).isEqualByComparingTo("1234567.5");
        assertThat(AttributeValues.decimal("12,34")).isNull();
        assertThat(AttributeValues.decimal("5k")).isNull();
        assertThat(AttributeValues.truthy("Yes")).isTrue();
        assertThat(AttributeValues.truthy("no")).isFalse();
        assertThat(LeadSettings.list(" Owner ;owner\nCEO，  Head  of   Buying ")).containsExactly("Owner", "CEO", "Head of Buying");
    }
}
