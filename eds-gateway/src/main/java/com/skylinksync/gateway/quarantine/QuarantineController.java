package com.skylinksync.gateway.quarantine;

import com.skylinksync.gateway.web.Problem;
import com.skylinksync.gateway.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Dead letters (list, show, redrive) and parked writes (list, show, resolve), for the CLI and the console. */
@RestController
@Tag(name = "dead letters and parked writes")
class QuarantineController {

    private final QuarantineStore store;
    private final Redrives redrives;

    QuarantineController(QuarantineStore store, Redrives redrives) {
        this.store = store;
        this.redrives = redrives;
    }

    record Redriven(String id, Redrives.Result result) {
    }

    record RedriveSummary(int redriven, int alreadyRedriven, List<Redriven> records) {
    }

    record Resolution(String note) {
    }

    @GetMapping("/ops/dead-letters")
    @Operation(summary = "Dead letters of every <topic>.dlt, newest first; topic (the .dlt topic or its source) and reason (substring) narrow it")
    Mono<QuarantinedRecord.Page> deadLetters(@RequestParam Optional<String> topic, @RequestParam Optional<String> reason) {
        return store.list(Quarantine.DEAD_LETTERS, topic, reason)
                .map(items -> new QuarantinedRecord.Page(items, items.size(), store.letGo(Quarantine.DEAD_LETTERS)));
    }

    @GetMapping("/ops/dead-letters/{id}")
    @Operation(summary = "One dead letter (id topic:partition:offset), with whether and when it was redriven")
    Mono<QuarantinedRecord> deadLetter(@PathVariable String id) {
        return store.find(Quarantine.DEAD_LETTERS, RecordId.parse(id)).map(QuarantineStore.Found::record)
                .switchIfEmpty(Mono.error(() -> unknown(id)));
    }

    @PostMapping("/ops/dead-letters/{id}/redrive")
    @Operation(summary = "Republish one dead letter with origin REPLAY to its source topic's backlog twin; at most once per dead letter")
    Mono<Redriven> redrive(@PathVariable String id) {
        RecordId recordId = RecordId.parse(id);
        return store.find(Quarantine.DEAD_LETTERS, recordId)
                .switchIfEmpty(Mono.error(() -> unknown(id)))
                .flatMap(found -> redrive(recordId, found));
    }

    private Mono<Redriven> redrive(RecordId id, QuarantineStore.Found found) {
        if (found.event() == null) {
            return Mono.error(new ProblemException(Problem.of("unreadable-dead-letter", "Conflict", 409,
                    "Dead letter " + id + " holds no readable event; it cannot be redriven")));
        }
        return redrives.redrive(id, found.event()).map(result -> new Redriven(id.toString(), result));
    }

    @PostMapping("/ops/dead-letters/redrive")
    @Operation(summary = "Redrive every dead letter not redriven yet, narrowed by topic and reason like the list")
    Mono<RedriveSummary> redriveAll(@RequestParam Optional<String> topic, @RequestParam Optional<String> reason) {
        return store.listFound(Quarantine.DEAD_LETTERS, topic, reason)
                .flatMapMany(Flux::fromIterable)
                .filter(found -> found.record().handledAt() == null && found.event() != null)
                .concatMap(found -> redrive(RecordId.parse(found.record().id()), found))
                .collectList()
                .map(all -> new RedriveSummary((int) all.stream().filter(r -> r.result() == Redrives.Result.REDRIVEN).count(),
                        (int) all.stream().filter(r -> r.result() == Redrives.Result.ALREADY_REDRIVEN).count(), new ArrayList<>(all)));
    }

    @GetMapping("/ops/parked")
    @Operation(summary = "Parked writes (outcome unknown) of every <topic>.parked, newest first, with whether they were resolved")
    Mono<QuarantinedRecord.Page> parked(@RequestParam Optional<String> topic) {
        return store.list(Quarantine.PARKED, topic, Optional.empty())
                .map(items -> new QuarantinedRecord.Page(items, items.size(), store.letGo(Quarantine.PARKED)));
    }

    @GetMapping("/ops/parked/{id}")
    @Operation(summary = "One parked write (id topic:partition:offset)")
    Mono<QuarantinedRecord> parkedWrite(@PathVariable String id) {
        return store.find(Quarantine.PARKED, RecordId.parse(id)).map(QuarantineStore.Found::record)
                .switchIfEmpty(Mono.error(() -> unknown(id)));
    }

    @PostMapping("/ops/parked/{id}/resolve")
    @Operation(summary = "Record that an operator checked the target and settled a parked write (with an optional note)")
    Mono<Map<String, Object>> resolve(@PathVariable String id, @RequestBody(required = false) Resolution resolution) {
        RecordId recordId = RecordId.parse(id);
        String note = resolution == null ? null : resolution.note();
        if (note != null && note.length() > 2000) {
            return Mono.error(new ProblemException(Problem.of("invalid-note", "Bad Request", 400, "A note holds at most 2000 characters")));
        }
        return store.find(Quarantine.PARKED, recordId)
                .switchIfEmpty(Mono.error(() -> unknown(id)))
                .flatMap(found -> redrives.resolve(recordId, note))
                .map(result -> Map.of("id", id, "result", result));
    }

    private static ProblemException unknown(String id) {
        return new ProblemException(Problem.of("unknown-record", "Not Found", 404,
                "No dead letter or parked write " + (id.length() <= 300 ? id : id.substring(0, 300) + "…")));
    }
}
