package com.skylinksync.ops;

/** Ends a command with one clear line and an exit code (see {@link ExitCode}). */
final class ApiFailure extends RuntimeException {

    private final int exitCode;

    ApiFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
