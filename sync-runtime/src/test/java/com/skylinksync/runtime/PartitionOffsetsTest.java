package com.skylinksync.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartitionOffsetsTest {

    @Test
    void commitsOnlyBelowTheLowestUnfinishedOffset() {
        var offsets = new PartitionOffsets();
        assertThat(offsets.committable()).isEqualTo(-1);
        for (long offset = 10; offset < 15; offset++) {
            offsets.track(offset);
        }
        offsets.finish(12);
        offsets.finish(14);
        assertThat(offsets.committable()).isEqualTo(10);
        offsets.finish(10);
        assertThat(offsets.committable()).isEqualTo(11);
        offsets.finish(11);
        assertThat(offsets.committable()).isEqualTo(13);
        offsets.finish(13);
        assertThat(offsets.committable()).isEqualTo(15);
        assertThat(offsets.unfinishedCount()).isZero();
    }
}
