package com.skylinksync.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class TraceIdsTest {

    @Test
    void aStoredUuidAndTheW3cTraceIdAreTheSame128Bits() {
        String w3c = "4bf92f3577b34da6a3ce929d0e0e4736";
        UUID stored = TraceIds.uuid(w3c);
        assertThat(stored).isEqualTo(UUID.fromString("4bf92f35-77b3-4da6-a3ce-929d0e0e4736"));
        assertThat(TraceIds.w3c(stored)).isEqualTo(w3c);
    }

    @Test
    void olderEventsUuidFormReadsAsTheSameTraceId() {
        assertThat(TraceIds.w3c("4BF92F35-77B3-4DA6-A3CE-929D0E0E4736")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void whatIsNoTraceIdIsNone() {
        assertThat(TraceIds.w3c((String) null)).isNull();
        assertThat(TraceIds.w3c("test")).isNull();
        assertThat(TraceIds.w3c("00000000-0000-0000-0000-000000000000")).isNull();
        assertThatThrownBy(() -> TraceIds.uuid("trace-v1-fixture")).isInstanceOf(IllegalArgumentException.class);
    }
}
