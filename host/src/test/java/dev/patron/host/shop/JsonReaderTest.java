package dev.patron.host.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

    /** The hand-written id check must say exactly what the published pattern says. */
    @Test
    void isIdAgreesWithTheIdPatternOnRandomText() {
        String alphabet = "aZ09._:@/- +éé\t\u00a0\u0660Ａ";
        Random random = new Random(7);
        int ids = 0;
        for (int i = 0; i < 50_000; i++) {
            int length = random.nextInt(i % 100 == 0 ? 140 : 8);
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < length; k++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            boolean expected = JsonReader.ID.matcher(text).matches();
            assertThat(JsonReader.isId(text.toString())).as("'%s'", text).isEqualTo(expected);
            ids += expected ? 1 : 0;
        }
        assertThat(ids).as("both kinds of text were tried").isBetween(1_000, 49_000);
        assertThat(JsonReader.isId("a".repeat(128))).isTrue();
        assertThat(JsonReader.isId("a".repeat(129))).isFalse();
    }

    @Test
    void unknownFieldsAreReportedInNameOrderAndKnownOnesPassQuietly() {
        List<FieldError> errors = new ArrayList<>();
        new JsonReader(new JsonObject().put("b", 1).put("id", "x"), "", errors).rejectUnknown(Set.of("b", "id"));
        assertThat(errors).isEmpty();

        new JsonReader(new JsonObject().put("zed", 1).put("id", "x").put("alpha", 2), "order", errors).rejectUnknown(Set.of("id"));
        assertThat(errors).extracting(FieldError::field).containsExactly("order.alpha", "order.zed");
        assertThat(errors.get(0).message()).isEqualTo("is not a known field; allowed fields are id");
    }
}
