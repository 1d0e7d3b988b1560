package com.skylinksync.ops;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** What every command talking to the operator API shares: its options, its output, and printing JSON for scripts. */
abstract class ApiCommand implements Callable<Integer> {

    @Mixin
    ApiOptions options;

    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    OperatorApi api() {
        return options.api();
    }

    /** Prints the answer as JSON when {@code --json} was given; true if it did (the caller then prints no table). */
    boolean printedJson(JsonNode answer) {
        if (options.json) {
            out().println(OperatorApi.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer));
            out().flush();
        }
        return options.json;
    }
}
