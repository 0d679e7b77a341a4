package dev.patron.host.scoring;

/** Receives a run's progress; called from the run's thread. */
public interface ScoringProgress {

    /** A phase starts: reading, fitting, scoring; {@code total} customers or -1 when unknown. */
    void phase(String phase, long total);

    /** {@code done} customers of the current phase are finished. */
    void advanced(long done);

    ScoringProgress NONE = new ScoringProgress() {
        @Override
        public void phase(String phase, long total) {
        }

        @Override
        public void advanced(long done) {
        }
    };
}
