package com.skylinksync.gateway.web;

import java.time.Duration;
import org.springframework.http.HttpHeaders;

/** Ends a request with a problem answer; carries no stack trace because it is an answer, not a fault. */
public final class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient HttpHeaders headers;

    public ProblemException(Problem problem) {
        this(problem, HttpHeaders.EMPTY);
    }

    public ProblemException(Problem problem, HttpHeaders headers) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = headers;
    }

    /** 503 with {@code Retry-After}: the database (or another dependency) cannot take the request now. */
    public static ProblemException unavailable(String detail, Duration retryAfter) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
        return new ProblemException(Problem.of("unavailable", "Service Unavailable", 503, detail), headers);
    }

    public Problem problem() {
        return problem;
    }

    public HttpHeaders headers() {
        return headers;
    }
}
