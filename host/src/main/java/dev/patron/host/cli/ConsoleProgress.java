package dev.patron.host.cli;

import dev.patron.host.scoring.ScoringProgress;
import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar per phase with rate and ETA. On a terminal it redraws one line; when output is
 * piped (CI logs) it prints a plain line every few seconds instead of an endless carriage-return line.
 */
final class ConsoleProgress implements ScoringProgress, AutoCloseable {

    private final PrintStream out;
    private ProgressBar bar;

    ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void phase(String phase, long total) {
        close();
        boolean terminal = System.console() != null;
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(phase)
                .setInitialMax(total)
                .setUnit(phase.equals("fitting") ? " models" : " customers", 1)
                .showSpeed()
                .setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS)
                .setStyle(ProgressBarStyle.ASCII)
                .continuousUpdate();
        if (terminal) {
            builder.setConsumer(new ConsoleProgressBarConsumer(out));
        } else {
            builder.setConsumer(new DelegatingProgressBarConsumer(out::println)).setUpdateIntervalMillis((int) Duration.ofSeconds(2).toMillis());
        }
        bar = builder.build();
    }

    @Override
    public void advanced(long done) {
        if (bar != null) {
            if (bar.getMax() < 0 || done > bar.getMax()) {
                bar.maxHint(-1);
            }
            bar.stepTo(done);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
