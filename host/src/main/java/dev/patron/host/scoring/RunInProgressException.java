package dev.patron.host.scoring;

/** A full scoring run was asked for while another is running. */
public class RunInProgressException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String runningId;

    public RunInProgressException(String runningId) {
        super("scoring run " + runningId + " is still running; wait for it to finish (GET /api/v1/scoring/runs/" + runningId + ")");
        this.runningId = runningId;
    }

    public String runningId() {
        return runningId;
    }
}
