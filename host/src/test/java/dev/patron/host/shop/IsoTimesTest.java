package dev.patron.host.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast path must agree with java.time wherever it answers, and step aside wherever it cannot. */
class IsoTimesTest {

    @Test
    void agreesWithJavaTimeOnRandomInstantsWithAndWithoutFractions() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 4_000_000_000L),
                    i % 3 == 0 ? 0 : random.nextInt(1_000_000_000));
            String text = instant.toString();
            assertThat(IsoTimes.utc(text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
            String local = text.substring(0, text.length() - 1);
            assertThat(IsoTimes.local(local)).as(local).isEqualTo(LocalDateTime.parse(local));
            assertThat(IsoTimes.local(local.replace('T', ' '))).isEqualTo(LocalDateTime.parse(local));
        }
    }

    @Test
    void answersNullForWhatItDoesNotRead_soTheGeneralParserDecides() {
        for (String text : List.of("2026-01-02T10:00Z", "2026-01-02T10:00:00+02:00", "2026-01-02T10:00:00z",
                "2026-01-02T10:00:00.Z", "2026-01-02T10:00:00.1234567890Z", "2026-1-02T10:00:00Z", "2026-01-02X10:00:00Z",
                "2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-01-02T24:00:00Z", "2026-01-02T10:60:00Z",
                "2026-01-02T10:00:60Z", "２０２６-01-02T10:00:00Z", "2026-01-02", "")) {
            assertThat(IsoTimes.utc(text)).as(text).isNull();
        }
        assertThat(IsoTimes.local("2026-01-02T10:00")).isNull();
        assertThat(IsoTimes.local("2024-02-29 23:59:59")).isEqualTo(LocalDateTime.parse("2024-02-29T23:59:59"));
        assertThat(IsoTimes.local("2023-02-29 10:00:00")).isNull();
    }

    @Test
    void whereItAnswersNullJavaTimeRefusesOrReadsAnotherShape() {
        for (String text : List.of("2026-02-30T10:00:00Z", "2026-01-02T24:00:00Z", "2026-01-02T10:00:60Z")) {
            assertThat(parses(text)).as(text).isFalse();
        }
        assertThat(parses("2026-01-02T10:00Z")).isTrue();  // no seconds: the general parser reads it
    }

    private static boolean parses(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
