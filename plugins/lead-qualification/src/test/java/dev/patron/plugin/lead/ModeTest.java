package dev.patron.plugin.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModeTest {

    @Test
    void prioritiesAreATotalOrderConsistentWithTheClasses() {
        for (Mode mode : Mode.values()) {
            List<Integer> ranked = mode.ranked();
            assertThat(ranked).hasSize(1 << mode.criteria().size());
            Set<Integer> priorities = new HashSet<>();
            ranked.forEach(mask -> priorities.add(mode.priority(mask)));
            assertThat(priorities).as("no two combinations share a priority in " + mode).hasSize(ranked.size());
            // walking down the order never climbs back to a better class
            List<LeadClass> classes = new ArrayList<>();
            ranked.forEach(mask -> classes.add(mode.classOf(mask)));
            assertThat(classes).isSortedAccordingTo((a, b) -> Integer.compare(a.ordinal(), b.ordinal()));
        }
    }

    @Test
    void theManOrder() {
        assertThat(Mode.MAN.ranked()).extracting(Mode.MAN::label)
                .containsExactly("M+A+N", "M+A", "A+N", "M+N", "M", "A", "N", "none");
    }

    @Test
    void theBantOrder() {
        assertThat(Mode.BANT.ranked()).extracting(Mode.BANT::label).containsExactly("M+A+N+T", "M+A+N", "M+A+T", "A+N+T",
                "M+N+T", "M+A", "A+N", "M+N", "M+T", "A+T", "N+T", "M", "A", "N", "T", "none");
    }
}
