package com.skylinksync.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code skylink dlt ...} and {@code skylink parked ...}: what the sync services gave up on. */
final class QuarantineCommands {

    private QuarantineCommands() {
    }

    static Table recordTable() {
        return new Table().column("ID", "id").column("TYPE", "entityType").column("ENTITY", "entityId").column("ORIGIN", "origin")
                .column("CHANGE SET", "changeSetId").column("AT", "quarantinedAt").column("HANDLED", "handledAt").column("REASON", "reason");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Dead letters of every <topic>.dlt, newest first.")
    static final class ListDeadLetters extends ApiCommand {

        @Option(names = "--topic", description = "A .dlt topic or its source topic, e.g. skylink.re.customers")
        String topic;

        @Option(names = "--reason", description = "Only those whose reason contains this text")
        String reason;

        @Override
        public Integer call() {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("topic", topic);
            query.put("reason", reason);
            JsonNode answer = api().get("/ops/dead-letters", query);
            if (!printedJson(answer)) {
                recordTable().print(out(), answer.path("items"));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One dead letter, with whether it was redriven.")
    static final class ShowDeadLetter extends ApiCommand {

        @Parameters(paramLabel = "ID", description = "topic:partition:offset, as 'skylink dlt list' shows it")
        String id;

        @Override
        public Integer call() {
            return show(this, "/ops/dead-letters/", id);
        }
    }

    @Command(name = "redrive", mixinStandardHelpOptions = true,
            description = "Republish dead letters (origin REPLAY) to their source topic's backlog twin, each at most once.")
    static final class Redrive extends ApiCommand {

        static final class Which {
            @Parameters(paramLabel = "ID", description = "One dead letter")
            String id;

            @Option(names = "--all", description = "Every dead letter not redriven yet (narrowed by --topic, --reason)")
            boolean all;
        }

        @ArgGroup(multiplicity = "1")
        Which which;

        @Option(names = "--topic")
        String topic;

        @Option(names = "--reason")
        String reason;

        @Override
        public Integer call() {
            if (which.id != null) {
                JsonNode answer = api().post("/ops/dead-letters/" + OperatorApi.segment(which.id) + "/redrive", Map.of(), null);
                if (!printedJson(answer)) {
                    out().println(answer.path("result").asString().equals("REDRIVEN") ? "Redriven: " + which.id
                            : "Already redriven, not republished: " + which.id);
                    out().flush();
                }
                return ExitCode.OK;
            }
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("topic", topic);
            query.put("reason", reason);
            JsonNode answer = api().post("/ops/dead-letters/redrive", query, null);
            if (!printedJson(answer)) {
                out().printf("Redriven: %d (already redriven: %d)%n", answer.path("redriven").asLong(), answer.path("alreadyRedriven").asLong());
                out().flush();
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Parked writes (outcome unknown), newest first.")
    static final class ListParked extends ApiCommand {

        @Option(names = "--topic")
        String topic;

        @Override
        public Integer call() {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("topic", topic);
            JsonNode answer = api().get("/ops/parked", query);
            if (!printedJson(answer)) {
                recordTable().print(out(), answer.path("items"));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "resolve", mixinStandardHelpOptions = true,
            description = "Record that you checked the target system and settled a parked write.")
    static final class Resolve extends ApiCommand {

        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--note", description = "What you found and did")
        String note;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("note", note);
            JsonNode answer = api().post("/ops/parked/" + OperatorApi.segment(id) + "/resolve", Map.of(), body);
            if (!printedJson(answer)) {
                out().println(answer.path("result").asString().equals("RESOLVED") ? "Resolved: " + id : "Already resolved: " + id);
                out().flush();
            }
            return ExitCode.OK;
        }
    }

    static int show(ApiCommand command, String route, String id) {
        JsonNode answer = command.api().get(route + OperatorApi.segment(id));
        if (!command.printedJson(answer)) {
            new Table().column("FIELD", row -> row.path("k").asString()).column("VALUE", row -> Table.text(row.path("v")))
                    .print(command.out(), () -> answer.properties().stream()
                            .map(e -> (JsonNode) OperatorApi.JSON.createObjectNode().put("k", e.getKey()).set("v", e.getValue())).iterator());
        }
        return ExitCode.OK;
    }
}
