package com.skylinksync.sandbox.stack.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The line ./bench/all collects, and the percentile the end-to-end rows report. */
class BenchRowTest {

    @Test
    void aRowIsEightFieldsOnOneLineWithNoPipeInsideAField() {
        String row = BenchRow.of("end to end", "a|b\nc", "≤ 300 ms", "212 ms", "2994 ms", "0.07", true);

        assertThat(row).isEqualTo("BENCH|end to end|a/b c|≤ 300 ms|212 ms|2994 ms|0.07|yes");
        assertThat(BenchRow.of("x", "y", "g", "m", "-", "-", false).split("\\|")).hasSize(8).endsWith("no");
    }

    @Test
    void percentilesAreNearestRank() {
        List<Long> hundred = LongStream.rangeClosed(1, 100).boxed().toList();

        assertThat(EndToEndReport.percentile(hundred, Function.identity(), 0.99)).isEqualTo(99);
        assertThat(EndToEndReport.percentile(hundred, Function.identity(), 0.50)).isEqualTo(50);
        // Below 100 values the p99 is the slowest one.
        assertThat(EndToEndReport.percentile(List.of(5L, 1L, 9L, 3L), Function.identity(), 0.99)).isEqualTo(9);
        assertThat(EndToEndReport.percentile(List.<Long>of(), Function.identity(), 0.99)).isZero();
    }
}
