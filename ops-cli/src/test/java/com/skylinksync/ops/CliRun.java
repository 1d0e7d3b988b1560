package com.skylinksync.ops;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** One {@code skylink} invocation in process: its exit code and what it printed. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SkylinkCommand.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** With the API's address and a credential in front of the command's own arguments. */
    static CliRun against(String api, String token, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        // Options belong to the leaf command: put them at the end.
        all.add("--api-url=" + api);
        all.add("--token=" + token);
        return of(all.toArray(String[]::new));
    }

    JsonNode json() {
        return OperatorApi.JSON.readTree(out);
    }

    List<String> lines() {
        return out.lines().toList();
    }
}
