package com.skylinksync.gateway.web;

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

    public Problem problem() {
        return problem;
    }

    public HttpHeaders headers() {
        return headers;
    }
}
