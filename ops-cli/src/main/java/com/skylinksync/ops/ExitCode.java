package com.skylinksync.ops;

/** What {@code skylink} exits with: scripts can tell a refused credential from an unreachable API from a failed sync. */
final class ExitCode {

    /** Done, and what was asked for succeeded. */
    static final int OK = 0;
    /** Done, but the work failed: a sync outcome was a failure, a bulk run finished with failed entities. */
    static final int WORK_FAILED = 1;
    /** Bad command line (picocli's own code). */
    static final int USAGE = 2;
    /** The operator API could not be reached. */
    static final int UNREACHABLE = 3;
    /** The operator API refused the credential (missing, wrong, or read-only for an action). */
    static final int REFUSED_CREDENTIAL = 4;
    /** The operator API refused the request (not found, invalid, conflict): its problem detail is printed. */
    static final int REFUSED_REQUEST = 5;
    /** The operator API failed (5xx). */
    static final int API_FAILED = 6;

    private ExitCode() {
    }
}
