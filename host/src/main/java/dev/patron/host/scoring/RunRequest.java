package dev.patron.host.scoring;

import java.time.LocalDate;
import java.util.List;

/**
 * What to score.
 *
 * @param asOf the scoring date in the shop zone
 * @param plugins plugin ids to run; empty for every started plugin with a scorer
 * @param trigger who asked: cli, api or demo
 */
public record RunRequest(LocalDate asOf, List<String> plugins, String trigger) {

    public RunRequest {
        plugins = List.copyOf(plugins);
    }
}
