package com.skylinksync.gateway.errorlog;

import com.skylinksync.gateway.web.Problem;
import com.skylinksync.gateway.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The log of recent errors, for the console's errors page (polled with {@code after}, so it follows the log live). */
@RestController
@Tag(name = "errors")
class ErrorLogController {

    private final ErrorLog log;

    ErrorLogController(ErrorLog log) {
        this.log = log;
    }

    @GetMapping("/ops/errors")
    @Operation(summary = "Recent errors, newest first: every failure a sync service reported (WARN: failed, being retried;"
            + " ERROR: dead-lettered or parked). level narrows to that level and higher; after returns only entries with a higher id")
    Mono<ErrorLog.Page> errors(
            @Parameter(description = "WARN (default: warnings and errors) or ERROR") @RequestParam(defaultValue = "WARN") String level,
            @Parameter(description = "Only entries with an id above this (the latestId of an earlier answer)") @RequestParam(defaultValue = "0") long after,
            @Parameter(description = "At most this many entries, 1..500") @RequestParam(defaultValue = "200") int limit) {
        ErrorLog.Level parsed;
        try {
            parsed = ErrorLog.Level.valueOf(level.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Mono.error(new ProblemException(Problem.badParameter("level", "level must be WARN or ERROR")));
        }
        if (after < 0) {
            return Mono.error(new ProblemException(Problem.badParameter("after", "after must be 0 or more")));
        }
        if (limit < 1 || limit > 500) {
            return Mono.error(new ProblemException(Problem.badParameter("limit", "limit must be 1..500")));
        }
        return log.read(parsed, after, limit);
    }
}
