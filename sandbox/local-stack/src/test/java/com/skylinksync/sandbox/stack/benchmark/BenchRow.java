package com.skylinksync.sandbox.stack.benchmark;

/**
 * One benchmark goal as the line {@code ./bench/all} collects:
 * {@code BENCH|<area>|<measure>|<goal>|<measured>|<baseline>|<ratio>|<met>}, on one line, no {@code |} in a field.
 */
final class BenchRow {

    private BenchRow() {
    }

    static String of(String area, String measure, String goal, String measured, String baseline, String ratio, boolean met) {
        return String.join("|", "BENCH", field(area), field(measure), field(goal), field(measured), field(baseline),
                field(ratio), met ? "yes" : "no");
    }

    private static String field(String value) {
        return value.replace('|', '/').replace('\n', ' ');
    }
}
