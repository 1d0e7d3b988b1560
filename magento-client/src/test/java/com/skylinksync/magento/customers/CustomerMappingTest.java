package com.skylinksync.magento.customers;

import static org.assertj.core.api.Assertions.assertThat;

import com.skylinksync.magento.directory.MagentoRegion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Shapes of Magento JSON the simulator does not produce but real stores do. */
class CustomerMappingTest {

    private final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Test
    void defaultsNamedOnlyByTheCustomerStillMarkTheirAddresses() {
        MagentoCustomer customer = CustomerMapping.fromWire(json.readValue("""
                {"id": 3, "email": "a@example.com", "default_billing": "11", "default_shipping": "12", "dob": "1815-12-10",
                 "addresses": [{"id": 11, "street": ["1 Queen St"], "region_id": 572},
                               {"id": 12, "street": ["2 King St"], "region": {"region_code": "QLD", "region": "Queensland", "region_id": 572}}]}
                """, CustomerWire.Customer.class));

        assertThat(customer.addresses()).extracting(MagentoAddress::defaultBilling).containsExactly(true, false);
        assertThat(customer.addresses()).extracting(MagentoAddress::defaultShipping).containsExactly(false, true);
        assertThat(customer.addresses().get(0).region()).isEqualTo(new MagentoRegion(572, null, null));
        assertThat(customer.customAttributes()).isEmpty();
        assertThat(customer.subscribed()).isNull();
    }

    @Test
    void multiselectCustomAttributesReadCommaSeparated() {
        MagentoCustomer customer = CustomerMapping.fromWire(json.readValue("""
                {"id": 3, "custom_attributes": [{"attribute_code": "interests", "value": ["4", "7"]},
                                                {"attribute_code": "skylink_customer_id", "value": 1001},
                                                {"attribute_code": "cleared", "value": null}]}
                """, CustomerWire.Customer.class));

        assertThat(customer.customAttributes()).containsExactly(Map.entry("interests", "4,7"), Map.entry("skylink_customer_id", "1001"));
    }

    @Test
    void absentCollectionsAndFlagsAreLeftOutOfWrites() {
        String written = json.writeValueAsString(CustomerMapping.toWire(
                new MagentoCustomer(5L, "a@example.com", "A", "B", 1, 2, null, null, null, "2026-01-01 00:00:00")));

        assertThat(written).isEqualTo("{\"id\":5,\"email\":\"a@example.com\",\"firstname\":\"A\",\"lastname\":\"B\","
                + "\"website_id\":1,\"group_id\":2}");
        assertThat(json.writeValueAsString(CustomerMapping.toWire(
                new MagentoCustomer(null, "a@example.com", "A", "B", null, null, List.of(), Map.of(), false, null))))
                .contains("\"addresses\":[]").contains("\"extension_attributes\":{\"is_subscribed\":false}");
    }
}
