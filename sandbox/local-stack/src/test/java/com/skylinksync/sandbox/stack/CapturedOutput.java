package com.skylinksync.sandbox.stack;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * What the process prints on standard output from now on (where the services' console appender writes), still
 * passed through to the real output. Logback's console appender writes to whatever {@code System.out} is at the time.
 */
final class CapturedOutput implements AutoCloseable {

    private final PrintStream original;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private CapturedOutput(PrintStream original) {
        this.original = original;
    }

    static CapturedOutput start() {
        CapturedOutput output = new CapturedOutput(System.out);
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (output.captured) {
                    output.captured.write(b);
                }
                output.original.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                synchronized (output.captured) {
                    output.captured.write(bytes, offset, length);
                }
                output.original.write(bytes, offset, length);
            }
        };
        System.setOut(new PrintStream(tee, true, StandardCharsets.UTF_8));
        return output;
    }

    /** Every complete line printed so far. */
    List<String> lines() {
        String text;
        synchronized (captured) {
            text = captured.toString(StandardCharsets.UTF_8);
        }
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : Arrays.stream(text.substring(0, end).split("\n")).filter(line -> !line.isBlank()).toList();
    }

    @Override
    public void close() {
        System.setOut(original);
    }
}
