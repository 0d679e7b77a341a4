package dev.patron.plugin.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patron.api.PatronPluginException;
import dev.patron.api.scoring.Model;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MiniJsonTest {

    @Test
    void readsEveryKindOfValue() {
        Object value = MiniJson.parse(" {\"a\": [1, -2.5, 3e-5, 1.0E10], \"b\": {\"c\": \"x\\\"y\\\\z\\n\\u4e2d\"},"
                + " \"t\": true, \"f\": false, \"n\": null, \"e\": {}, \"l\": []} ");
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        assertThat(map).containsKey("n");
        assertThat(map.get("n")).isNull();
        assertThat(map.get("a")).isEqualTo(List.of(1.0, -2.5, 3e-5, 1e10));
        assertThat(((Map<?, ?>) map.get("b")).get("c")).isEqualTo("x\"y\\z\n中");
        assertThat(map.get("t")).isEqualTo(true);
        assertThat(map.get("f")).isEqualTo(false);
    }

    @Test
    void refusesMalformedText() {
        for (String bad : new String[] {"", "{", "{\"a\" 1}", "[1,]", "{\"a\":1}x", "01", "\"\\q\"", "tru", "{a:1}"}) {
            assertThatThrownBy(() -> MiniJson.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("malformed JSON at character ");
        }
    }

    @Test
    void readsTheHostsModelJson() {
        Model model = Model.builder().number("n", 0.1 + 0.2).number("big", 1e300).number("neg", -0.0)
                .array("arr", 1, 2.5, -3e-7).text("t", "línea\n\"two\"").build();
        assertThat(StoredModels.parse(ModelJsonForTests.toJson(model))).isEqualTo(model);
        assertThatThrownBy(() -> StoredModels.parse("[1]")).isInstanceOf(PatronPluginException.class);
        assertThatThrownBy(() -> StoredModels.parse("{")).isInstanceOf(PatronPluginException.class)
                .hasMessageContaining("run a full scoring run");
    }
}
