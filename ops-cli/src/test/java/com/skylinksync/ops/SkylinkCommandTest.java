package com.skylinksync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SkylinkCommandTest {

    @Test
    void printsItsVersion() {
        var out = new StringWriter();
        var cli = new CommandLine(new SkylinkCommand()).setOut(new PrintWriter(out));

        int exit = cli.execute("--version");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("skylink 0.1.0");
    }

    @Test
    void rejectsAnUnknownOptionWithUsage() {
        var err = new StringWriter();
        var cli = new CommandLine(new SkylinkCommand()).setErr(new PrintWriter(err));

        int exit = cli.execute("--no-such-option");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--no-such-option'");
    }
}
