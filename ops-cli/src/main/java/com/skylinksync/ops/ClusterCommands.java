package com.skylinksync.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code skylink lag}, {@code budget}, {@code replay} and {@code status}: what is happening, and moving a group back. */
final class ClusterCommands {

    private ClusterCommands() {
    }

    @Command(name = "lag", mixinStandardHelpOptions = true, description = "Consumer lag per group, topic and partition, with totals.")
    static final class Lag extends ApiCommand {

        @Override
        public Integer call() {
            JsonNode answer = api().get("/ops/lag");
            if (!printedJson(answer)) {
                new Table().column("GROUP", "group").column("TOPIC", "topic").column("PARTITION", "partition")
                        .column("COMMITTED", "committed").column("END", "end").column("LAG", "lag").print(out(), answer.path("partitions"));
                answer.path("totalByGroup").properties().forEach(e -> out().printf("total %s: %d%n", e.getKey(), e.getValue().asLong()));
                out().printf("total: %d%n", answer.path("total").asLong());
                out().flush();
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "budget", mixinStandardHelpOptions = true, description = "The shared Retail Express budget: each window and each participant's share.")
    static final class Budget extends ApiCommand {

        @Override
        public Integer call() {
            JsonNode answer = api().get("/ops/budget");
            if (!printedJson(answer)) {
                new Table().column("WINDOW", "window").column("SPENT", "spent").column("LIMIT", "limit").column("GRANTED NEXT", "grantedNext")
                        .print(out(), answer.path("windows"));
                out().println();
                new Table().column("PARTICIPANT", "participantId").column("SERVICE", "service").column("LIVE", "live")
                        .column("WAITING", "waiting").column("SPENT MIN", "spentMinute").column("SPENT HOUR", "spentHour")
                        .column("SPENT DAY", "spentDay").column("SHARE/S", "grantSecond").column("SHARE MIN", "grantMinute")
                        .column("REPORTED", "reportedAt").print(out(), answer.path("participants"));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Move a consumer group's committed offsets back, per partition, as kafka-consumer-groups --reset-offsets does.",
                    "Without --execute it is a dry run that says how many events each partition would re-read.",
                    "Refused while the group has live members: 'skylink pause GROUP' first, 'skylink resume GROUP' after."})
    static final class Replay extends ApiCommand {

        @Option(names = "--group", required = true)
        String group;

        @Option(names = "--topic", required = true)
        String topic;

        @Option(names = "--partition")
        Integer partition;

        static final class Target {
            @Option(names = "--to-time", paramLabel = "ISO-INSTANT", description = "The first offset at or after this time")
            Instant toTime;

            @Option(names = "--to-offset", paramLabel = "N", description = "This offset (clamped to each partition's range)")
            Long toOffset;

            @Option(names = "--by-duration", paramLabel = "DURATION", description = "This long ago, e.g. PT2H")
            Duration byDuration;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        static final class Mode {
            @Option(names = "--dry-run", description = "Only say what would be re-read (the default)")
            boolean dryRun;

            @Option(names = "--execute", description = "Move the offsets")
            boolean execute;
        }

        @ArgGroup(exclusive = true)
        Mode mode;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("group", group);
            body.put("topic", topic);
            body.put("partition", partition);
            body.put("toTime", target.toTime == null ? null : target.toTime.toString());
            body.put("toOffset", target.toOffset);
            body.put("byDuration", target.byDuration == null ? null : target.byDuration.toString());
            body.put("execute", mode != null && mode.execute);
            JsonNode answer = api().post("/ops/replay", Map.of(), body);
            if (!printedJson(answer)) {
                new Table().column("PARTITION", "partition").column("COMMITTED", "committed").column("TARGET", "target")
                        .column("RE-READ", "reread").print(out(), answer.path("partitions"));
                out().printf("%s: group %s re-reads %d events of %s (each costs at most one Retail Express call)%n",
                        answer.path("executed").asBoolean() ? "Executed" : "Dry run", group, answer.path("reread").asLong(), topic);
                out().flush();
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"skylink status changeset ID: a change set and its entities' outcomes.",
                    "skylink status TYPE ID: an entity's history (customer, price-group, product, order, magento-customer, ...)."})
    static final class Status extends ApiCommand {

        @Parameters(index = "0", paramLabel = "changeset|TYPE")
        String what;

        @Parameters(index = "1", paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            if (what.equals("changeset")) {
                JsonNode answer = api().get("/changesets/" + OperatorApi.segment(id));
                if (!printedJson(answer)) {
                    out().printf("Change set %s: %s, %d entities, received %s, acknowledged %s%n", id, answer.path("status").asString(),
                            answer.path("entityTotal").asLong(), Table.text(answer.path("receivedAt")), Table.text(answer.path("acknowledgedAt")));
                    new Table().column("TYPE", "type").column("ENTITY", "entityId").column("ORIGIN", "origin").column("OUTCOME", "outcome")
                            .column("ATTEMPTS", "attempts").column("SERVICE", "service").column("ERROR", "error")
                            .print(out(), answer.path("entities"));
                }
                return ExitCode.OK;
            }
            JsonNode answer = api().get("/ops/entities/" + OperatorApi.segment(what) + "/" + OperatorApi.segment(id));
            if (!printedJson(answer)) {
                out().printf("%s %s: %s%n", what, id, answer.path("latest").asString("NEVER_SYNCED"));
                new Table().column("CHANGE SET", "changeSetId").column("ORIGIN", "origin").column("RECEIVED", "receivedAt")
                        .column("OUTCOME", "outcome").column("ATTEMPTS", "attempts").column("FINISHED", "finishedAt")
                        .column("SERVICE", "service").column("TRACE", "traceId").column("ERROR", "errorMessage")
                        .print(out(), answer.path("history"));
            }
            return ExitCode.OK;
        }
    }
}
