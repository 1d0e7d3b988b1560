package com.skylinksync.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntitySynced;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Origin;
import com.skylinksync.schemas.avro.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroEventSerdeTest {

    private final AvroEventSerializer serializer = new AvroEventSerializer();
    private final AvroEventDeserializer deserializer = new AvroEventDeserializer();

    @Test
    void readsTheCommittedV1EntityChangedFixtureWithTheCurrentReader() throws IOException {
        var event = (EntityChanged) deserializer.deserialize("skylink.re.customers", fixture("EntityChanged-v1.bin"));

        assertThat(event.getChangeSetId()).isEqualTo("0b6f3c1e-6a1d-4b57-9b8e-2f1d7f0e5a11");
        assertThat(event.getOrigin()).isEqualTo(Origin.EDS);
        assertThat(event.getClientId()).isEqualTo("6f1c2a52-9d1e-4d6b-8a7e-3c2b1a0f9e8d");
        assertThat(event.getSalesChannelId()).isEqualTo(1);
        assertThat(event.getEntityType()).isEqualTo(EntityType.CUSTOMER);
        assertThat(event.getEntityId()).isEqualTo("300000");
        assertThat(event.getAttributeCode()).isNull();
        assertThat(event.getObservedAt()).isEqualTo(Instant.parse("2026-11-22T01:02:03.456Z"));
        assertThat(event.getTraceId()).isEqualTo("trace-v1-fixture");
        assertThat(event.getVersion()).isNull();
        assertThat(event.getSnapshot()).isNull();
    }

    @Test
    void readsTheCommittedV1EntitySyncedFixtureWithTheCurrentReader() throws IOException {
        var event = (EntitySynced) deserializer.deserialize("skylink.sync.completions", fixture("EntitySynced-v1.bin"));

        assertThat(event.getOutcome()).isEqualTo(Outcome.SYNCED);
        assertThat(event.getTargetId()).as("v1 magentoId, read through the alias").isEqualTo("42");
        assertThat(event.getAttempts()).isEqualTo(1);
        assertThat(event.getService()).isEqualTo("customer-sync-service");
        assertThat(event.getFinishedAt()).isEqualTo(Instant.parse("2026-11-22T01:02:04.789Z"));
        assertThat(event.getAttributeCode()).isNull();
    }

    @Test
    void readsTheCommittedV2EntityChangedFixture() throws IOException {
        var event = (EntityChanged) deserializer.deserialize(Topics.MAGENTO_ORDERS, fixture("EntityChanged-v2.bin"));

        assertThat(event.getChangeSetId()).isNull();
        assertThat(event.getOrigin()).isEqualTo(Origin.SINGLE);
        assertThat(event.getClientId()).isNull();
        assertThat(event.getSalesChannelId()).isNull();
        assertThat(event.getEntityType()).isEqualTo(EntityType.MAGENTO_ORDER);
        assertThat(event.getEntityId()).isEqualTo("1001");
        assertThat(event.getObservedAt()).isEqualTo(V2Fixtures.OBSERVED_AT);
        assertThat(event.getTraceId()).isEqualTo("trace-v2-fixture");
        assertThat(event.getVersion()).isEqualTo("2026-11-23 04:05:06");
        assertThat(event.getSnapshot()).isEqualTo(V2Fixtures.ORDER_SNAPSHOT);
    }

    @Test
    void readsTheCommittedV2EntitySyncedFixture() throws IOException {
        var event = (EntitySynced) deserializer.deserialize(Topics.COMPLETIONS, fixture("EntitySynced-v2.bin"));

        assertThat(event.getChangeSetId()).isEqualTo("5c0e2f4a-1b7d-4e8a-9f3c-6d2b1a0e9f77");
        assertThat(event.getClientId()).isEqualTo("6f1c2a52-9d1e-4d6b-8a7e-3c2b1a0f9e8d");
        assertThat(event.getSalesChannelId()).isEqualTo(1);
        assertThat(event.getEntityType()).isEqualTo(EntityType.ATTRIBUTE_OPTION);
        assertThat(event.getEntityId()).isEqualTo("7");
        assertThat(event.getAttributeCode()).isEqualTo("colour");
        assertThat(event.getOutcome()).isEqualTo(Outcome.PARKED);
        assertThat(event.getTargetId()).isEqualTo("55");
        assertThat(event.getErrorCode()).isEqualTo("UNCERTAIN_WRITE");
        assertThat(event.getService()).isEqualTo("catalog-sync-service");
        assertThat(event.getFinishedAt()).isEqualTo(V2Fixtures.FINISHED_AT);
        assertThat(EntityKey.of(event)).isEqualTo("colour:7");
    }

    @Test
    void theCommittedV2FixturesAreWhatTheirGeneratorWritesWithTheReleasedV2Schemas() throws IOException {
        assertThat(fixture("EntityChanged-v2.bin")).isEqualTo(V2Fixtures.entityChanged());
        assertThat(fixture("EntitySynced-v2.bin")).isEqualTo(V2Fixtures.entitySynced());
    }

    @Test
    void roundTripsTheV2FieldsOfBothEvents() {
        var changed = EntityChanged.newBuilder().setOrigin(Origin.SINGLE).setEntityType(EntityType.MAGENTO_CUSTOMER)
                .setEntityId("88").setObservedAt(Instant.ofEpochMilli(1_700_000_000_456L)).setTraceId("t")
                .setVersion("2026-01-02 03:04:05").setSnapshot("{\"id\":88,\"email\":\"a@example.com\"}").build();
        var synced = EntitySynced.newBuilder().setChangeSetId("cs").setOrigin(Origin.EDS).setClientId("c")
                .setSalesChannelId(3).setEntityType(EntityType.ATTRIBUTE_OPTION).setEntityId("7").setAttributeCode("brand")
                .setOutcome(Outcome.PARKED).setTargetId("300123").setAttempts(2).setErrorCode("UNCERTAIN_WRITE")
                .setService("s").setFinishedAt(Instant.ofEpochMilli(1_700_000_000_789L)).setTraceId("t").build();

        var changedBack = (EntityChanged) deserializer.deserialize(Topics.MAGENTO_CUSTOMERS,
                serializer.serialize(Topics.MAGENTO_CUSTOMERS, changed));
        var syncedBack = (EntitySynced) deserializer.deserialize(Topics.COMPLETIONS, serializer.serialize(Topics.COMPLETIONS, synced));

        assertThat(changedBack).isEqualTo(changed);
        assertThat(changedBack.getClientId()).isNull();
        assertThat(changedBack.getSalesChannelId()).isNull();
        assertThat(changedBack.getVersion()).isEqualTo("2026-01-02 03:04:05");
        assertThat(changedBack.getSnapshot()).isEqualTo("{\"id\":88,\"email\":\"a@example.com\"}");
        assertThat(syncedBack).isEqualTo(synced);
        assertThat(syncedBack.getOutcome()).isEqualTo(Outcome.PARKED);
        assertThat(syncedBack.getAttributeCode()).isEqualTo("brand");
        assertThat(syncedBack.getTargetId()).isEqualTo("300123");
    }

    @Test
    void aDriftHealIsBacklogWorkAndRoundTripsUnderTheV3Schema() {
        var changed = EntityChanged.newBuilder().setChangeSetId("drift-1").setOrigin(Origin.DRIFT).setClientId("c")
                .setSalesChannelId(1).setEntityType(EntityType.PRODUCT).setEntityId("124005")
                .setObservedAt(Instant.ofEpochMilli(1_700_000_000_456L)).setTraceId("t").build();

        var back = (EntityChanged) deserializer.deserialize(Topics.PRODUCTS, serializer.serialize(Topics.PRODUCTS, changed));

        assertThat(back.getOrigin()).isEqualTo(Origin.DRIFT);
        assertThat(Topics.isBacklog(Origin.DRIFT)).isTrue();
        assertThat(Topics.forEvent(EntityType.PRODUCT, Origin.DRIFT)).isEqualTo("skylink.re.products.bulk");
    }

    @Test
    void anAttributeOptionIsKeyedByItsAttributeAndEveryOtherEntityByItsId() {
        var brand = EntityChanged.newBuilder().setOrigin(Origin.EDS).setEntityType(EntityType.ATTRIBUTE_OPTION)
                .setEntityId("7").setAttributeCode("brand").setObservedAt(Instant.EPOCH).setTraceId("t").build();
        var customer = EntityChanged.newBuilder().setOrigin(Origin.EDS).setEntityType(EntityType.CUSTOMER)
                .setEntityId("7").setObservedAt(Instant.EPOCH).setTraceId("t").build();

        assertThat(EntityKey.of(brand)).isEqualTo("brand:7");
        assertThat(EntityKey.of("colour", "7")).isEqualTo("colour:7");
        assertThat(EntityKey.of(customer)).isEqualTo("7");
    }

    @Test
    void roundTripsEveryEventTypeInSingleObjectEncoding() {
        var changed = EntityChanged.newBuilder().setChangeSetId(null).setOrigin(Origin.BULK).setClientId("c")
                .setSalesChannelId(2).setEntityType(EntityType.ORDER).setEntityId("16-00000001")
                .setAttributeCode(null).setObservedAt(Instant.ofEpochMilli(1_700_000_000_123L)).setTraceId("t").build();

        byte[] bytes = serializer.serialize("skylink.re.orders", changed);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(deserializer.deserialize("skylink.re.orders", bytes)).isEqualTo(changed);
    }

    @Test
    void everyCurrentSchemaIsReleased() {
        // A schema change must add a new released file, or old consumers could not find the new writer schema.
        var schemas = new EventSchemas();
        for (var type : EventSchemas.CURRENT) {
            var current = EventSchemas.schemaOf(type);
            var released = schemas.latestReleased(current.getFullName());
            assertThat(released).as("released schema of %s", current.getName()).isNotNull();
            assertThat(SchemaNormalization.parsingFingerprint64(released))
                    .as("%s changed without a new released version in released/index.txt", current.getName())
                    .isEqualTo(SchemaNormalization.parsingFingerprint64(current));
        }
    }

    @Test
    void rejectsBytesWithoutTheMarkerSayingWhatIsWrong() {
        assertThatThrownBy(() -> deserializer.deserialize("skylink.re.customers", "{\"json\":true}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("missing the C3 01 marker");
    }

    @Test
    void rejectsAnUnknownSchemaFingerprintSayingWhatIsWrong() throws IOException {
        byte[] bytes = fixture("EntityChanged-v1.bin");
        bytes[5] ^= 0x5A; // corrupt the fingerprint

        assertThatThrownBy(() -> deserializer.deserialize("skylink.re.customers", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown schema");
    }

    @Test
    void rejectsATruncatedBody() throws IOException {
        byte[] bytes = fixture("EntityChanged-v1.bin");

        assertThatThrownBy(() -> deserializer.deserialize("t", Arrays.copyOf(bytes, 20)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unreadable EntityChanged");
    }

    @Test
    void mapsEveryEntityTypeWithATopicToOne() {
        assertThat(Topics.forEntityType(EntityType.CUSTOMER)).isEqualTo(Topics.CUSTOMERS);
        assertThat(Topics.forEntityType(EntityType.ATTRIBUTE_OPTION)).isEqualTo(Topics.ATTRIBUTES);
        assertThat(Topics.forEntityType(EntityType.MAGENTO_CUSTOMER)).isEqualTo(Topics.MAGENTO_CUSTOMERS);
        assertThat(Topics.forEntityType(EntityType.MAGENTO_ORDER)).isEqualTo(Topics.MAGENTO_ORDERS);
        assertThat(Topics.forEntityType(EntityType.MAGENTO_INVOICE)).isEqualTo(Topics.MAGENTO_ORDERS);
        assertThatThrownBy(() -> Topics.forEntityType(EntityType.UNKNOWN)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = AvroEventSerdeTest.class.getResourceAsStream("/fixtures/" + name)) {
            return in.readAllBytes();
        }
    }
}
