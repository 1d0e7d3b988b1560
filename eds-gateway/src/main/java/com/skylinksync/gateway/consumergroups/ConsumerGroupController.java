package com.skylinksync.gateway.consumergroups;

import com.skylinksync.gateway.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Consumer lag, and replay (moving a group's committed offsets back), for the CLI and the console. */
@RestController
@Tag(name = "lag and replay")
class ConsumerGroupController {

    private final ConsumerGroups groups;

    ConsumerGroupController(ConsumerGroups groups) {
        this.groups = groups;
    }

    /**
     * A replay request, as {@code skylink replay} sends it.
     *
     * @param group      the consumer group (a sync service's {@code skylink.sync.service})
     * @param topic      the topic whose offsets move
     * @param partition  one partition only; all when null
     * @param toTime     ISO-8601 instant: the first offset at or after it
     * @param toOffset   an absolute offset (clamped to each partition's range)
     * @param byDuration ISO-8601 duration back from now (PT2H)
     * @param execute    true moves the offsets; false or absent: a dry run, nothing moves
     */
    record ReplayRequest(String group, String topic, Integer partition, String toTime, Long toOffset, String byDuration, Boolean execute) {
    }

    @GetMapping("/ops/lag")
    @Operation(summary = "Consumer lag of every group per topic and partition (committed offset, end offset, lag) with totals")
    Mono<ConsumerGroups.Lag> lag() {
        return blocking(groups::lag);
    }

    @PostMapping("/ops/replay")
    @Operation(summary = "Replay: a dry run (execute=false) says per partition how many events the group would re-read; execute moves"
            + " the offsets, refused (409) while the group has live members")
    Mono<ConsumerGroups.Reset> replay(@RequestBody ReplayRequest request) {
        return Mono.defer(() -> {
            if (request.group() == null || request.group().isBlank()) {
                throw ConsumerGroups.bad("group", "group is required");
            }
            if (request.topic() == null || request.topic().isBlank()) {
                throw ConsumerGroups.bad("topic", "topic is required");
            }
            int given = (request.toTime() != null ? 1 : 0) + (request.toOffset() != null ? 1 : 0) + (request.byDuration() != null ? 1 : 0);
            if (given != 1) {
                throw ConsumerGroups.bad("toTime", "give exactly one of toTime, toOffset, byDuration");
            }
            ConsumerGroups.ResetTarget target;
            try {
                target = new ConsumerGroups.ResetTarget(request.toTime() == null ? null : Instant.parse(request.toTime()),
                        request.toOffset(), request.byDuration() == null ? null : Duration.parse(request.byDuration()));
            } catch (DateTimeParseException e) {
                throw ConsumerGroups.bad(request.toTime() != null ? "toTime" : "byDuration", "not an ISO-8601 "
                        + (request.toTime() != null ? "instant (2026-05-01T10:00:00Z)" : "duration (PT2H)"));
            }
            if (target.byDuration() != null && target.byDuration().isNegative()) {
                throw ConsumerGroups.bad("byDuration", "byDuration goes back in time: give a positive duration");
            }
            return blocking(() -> groups.reset(request.group(), request.topic(), request.partition(), target, Boolean.TRUE.equals(request.execute())));
        });
    }

    private static <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic()).onErrorMap(ExecutionException.class, e -> {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return ConsumerGroups.bad("topic", "no such topic");
            }
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return ConsumerGroups.bad("group", "no such consumer group");
            }
            return ProblemException.unavailable("Kafka did not answer: " + e.getCause().getClass().getSimpleName(), Duration.ofSeconds(10));
        });
    }
}
