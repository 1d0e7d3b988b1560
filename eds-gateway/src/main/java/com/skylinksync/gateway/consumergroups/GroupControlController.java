package com.skylinksync.gateway.consumergroups;

import com.skylinksync.gateway.web.Problem;
import com.skylinksync.gateway.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code skylink pause|resume GROUP}: every pod of the group's service stops consuming and leaves the group (so a
 * replay may move its offsets), or joins it again. The answer is immediate; {@code members} falls to 0 as the pods
 * leave (the CLI waits for it).
 */
@RestController
@Tag(name = "lag and replay")
class GroupControlController {

    private final GroupControl control;
    private final ConsumerGroups groups;

    GroupControlController(GroupControl control, ConsumerGroups groups) {
        this.control = control;
        this.groups = groups;
    }

    /**
     * @param group   the consumer group (a sync service's)
     * @param state   PAUSED or RUNNING: the last command given to it
     * @param members its live members now
     */
    record GroupState(String group, GroupControl.State state, int members) {
    }

    @GetMapping("/ops/groups/{group}")
    @Operation(summary = "A consumer group's state (PAUSED or RUNNING, the last command) and its live members")
    Mono<GroupState> state(@PathVariable String group) {
        return blocking(() -> new GroupState(group, control.state(group), groups.members(group)));
    }

    @PostMapping("/ops/groups/{group}/pause")
    @Operation(summary = "Pause a sync service: every pod of the group stops consuming and leaves the group (then a replay may run)")
    Mono<GroupState> pause(@PathVariable String group) {
        return command(group, GroupControl.State.PAUSED);
    }

    @PostMapping("/ops/groups/{group}/resume")
    @Operation(summary = "Resume a paused sync service: its pods join the group again and consume from the committed offsets")
    Mono<GroupState> resume(@PathVariable String group) {
        return command(group, GroupControl.State.RUNNING);
    }

    private Mono<GroupState> command(String group, GroupControl.State state) {
        return blocking(() -> {
            if (group.isBlank() || group.length() > 249 || !groups.exists(group)) {
                throw new ProblemException(Problem.of("unknown-group", "Not Found", 404, "No consumer group "
                        + (group.length() <= 249 ? group : group.substring(0, 249) + "…") + " (see skylink lag)"));
            }
            control.set(group, state);
            return new GroupState(group, state, groups.members(group));
        });
    }

    private static <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic()).onErrorMap(
                e -> !(e instanceof ProblemException),
                e -> ProblemException.unavailable("Kafka did not answer: " + e.getClass().getSimpleName(), Duration.ofSeconds(10)));
    }
}
