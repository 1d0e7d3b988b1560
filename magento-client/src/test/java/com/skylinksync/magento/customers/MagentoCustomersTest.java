package com.skylinksync.magento.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.skylinksync.magento.MagentoException;
import com.skylinksync.magento.MagentoSettings;
import com.skylinksync.magento.MagentoTransport;
import com.skylinksync.magento.SearchCriteria;
import com.skylinksync.magento.SearchCriteria.Direction;
import com.skylinksync.magento.SearchCriteria.Filter;
import com.skylinksync.magento.SearchResult;
import com.skylinksync.magento.directory.MagentoRegion;
import com.skylinksync.sandbox.magento.MagentoSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;

/** Customers against the Magento simulator over real HTTP. */
class MagentoCustomersTest {

    private static final MagentoRegion QUEENSLAND = new MagentoRegion(572, "QLD", "Queensland");

    private MagentoSimulator magento;
    private MagentoCustomers client;

    @BeforeEach
    void start() {
        magento = MagentoSimulator.start(MagentoSimulator.Options.defaults().withPort(0));
        client = new MagentoCustomers(new MagentoTransport(WebClient.builder(),
                new MagentoSettings(magento.restBase(), magento.accessToken(), Duration.ofSeconds(5))));
    }

    @AfterEach
    void stop() {
        magento.close();
    }

    @Test
    void createsFindsAndUpdatesACustomer() {
        MagentoCustomer created = client.createCustomer(customer(null, "ada+shop@example.com", "Ada", "1001", true,
                List.of(brisbane(null, true, false), wellington(null, false, true))));

        assertThat(created.id()).isEqualTo(1L);
        assertThat(created.email()).isEqualTo("ada+shop@example.com");
        assertThat(created.websiteId()).isEqualTo(1);
        assertThat(created.groupId()).isEqualTo(1);
        assertThat(created.customAttribute("skylink_customer_id")).isEqualTo("1001");
        assertThat(created.subscribed()).isTrue();
        assertThat(created.updatedAt()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(created.addresses()).hasSize(2);
        MagentoAddress billing = created.addresses().get(0);
        MagentoAddress shipping = created.addresses().get(1);
        assertThat(billing.id()).isNotNull();
        assertThat(billing.region()).isEqualTo(QUEENSLAND);
        assertThat(billing.street()).containsExactly("1 Queen St", "Level 2");
        assertThat(billing.fax()).isEqualTo("0799999999");
        assertThat(billing.company()).isEqualTo("Analytical Engines");
        assertThat(billing.defaultBilling()).isTrue();
        assertThat(billing.defaultShipping()).isFalse();
        assertThat(shipping.defaultShipping()).isTrue();
        assertThat(shipping.region()).isEqualTo(new MagentoRegion(0, null, "Wellington"));

        // What went over the wire is Magento's JSON.
        JsonNode stored = magento.customerByEmail("ada+shop@example.com").orElseThrow();
        assertThat(stored.get("website_id").asInt()).isEqualTo(1);
        assertThat(stored.at("/custom_attributes/0/attribute_code").asString()).isEqualTo("skylink_customer_id");
        assertThat(stored.at("/extension_attributes/is_subscribed").asBoolean()).isTrue();
        assertThat(stored.at("/addresses/0/country_id").asString()).isEqualTo("AU");
        assertThat(stored.at("/addresses/0/region/region_id").asInt()).isEqualTo(572);
        assertThat(stored.get("default_billing").asString()).isEqualTo(billing.id().toString());

        assertThat(client.getCustomer(created.id())).contains(created);
        assertThat(client.findCustomersByEmail("ada+shop@example.com")).containsExactly(created);
        assertThat(magento.requests().getLast().path())
                .isEqualTo("/rest/V1/customers/search?searchCriteria[filterGroups][0][filters][0][field]=email"
                        + "&searchCriteria[filterGroups][0][filters][0][value]=ada+shop@example.com"
                        + "&searchCriteria[filterGroups][0][filters][0][condition_type]=eq");

        MagentoCustomer updated = client.updateCustomer(customer(created.id(), "ada+shop@example.com", "Augusta", "2002", false,
                List.of(brisbane(billing.id(), false, true), wellington(null, true, false))));

        assertThat(updated.id()).isEqualTo(created.id());
        assertThat(updated.firstname()).isEqualTo("Augusta");
        assertThat(updated.customAttribute("skylink_customer_id")).isEqualTo("2002");
        assertThat(updated.subscribed()).isFalse();
        assertThat(updated.addresses()).extracting(MagentoAddress::id)
                .first().isEqualTo(billing.id());
        assertThat(updated.addresses().get(1).id()).isNotEqualTo(shipping.id());
        assertThat(updated.addresses()).extracting(MagentoAddress::defaultBilling).containsExactly(false, true);
        assertThat(updated.addresses()).extracting(MagentoAddress::defaultShipping).containsExactly(true, false);
        assertThat(client.getCustomer(created.id())).contains(updated);
        assertThat(client.findCustomersByAttribute("skylink_customer_id", "1001")).isEmpty();
        assertThat(client.findCustomersByAttribute("skylink_customer_id", "2002")).containsExactly(updated);
    }

    @Test
    void findsNoneOneOrSeveralCustomersByAttribute() {
        client.createCustomer(customer(null, "one@example.com", "One", "1001", null, null));
        client.createCustomer(customer(null, "two@example.com", "Two", "1002", null, null));
        client.createCustomer(customer(null, "twin@example.com", "Twin", "1002", null, null));

        assertThat(client.findCustomersByAttribute("skylink_customer_id", "9999")).isEmpty();
        assertThat(client.findCustomersByAttribute("skylink_customer_id", "1001")).extracting(MagentoCustomer::email)
                .containsExactly("one@example.com");
        assertThat(client.findCustomersByAttribute("skylink_customer_id", "1002")).extracting(MagentoCustomer::email)
                .containsExactly("two@example.com", "twin@example.com");
    }

    @Test
    void updateWithoutAddressesKeepsThemAndAbsentSubscriptionIsLeftAlone() {
        MagentoCustomer created = client.createCustomer(customer(null, "ada@example.com", "Ada", "1001", true,
                List.of(brisbane(null, true, true))));

        MagentoCustomer renamed = client.updateCustomer(customer(created.id(), "ada@example.com", "Augusta", "1001", null, null));

        assertThat(renamed.addresses()).isEqualTo(created.addresses());
        assertThat(renamed.subscribed()).isTrue();
    }

    @Test
    void pagesThroughCustomersChangedSinceAMarkByTheTotalCount() {
        for (int i = 1; i <= 5; i++) {
            client.createCustomer(customer(null, "c" + i + "@example.com", "C" + i, Integer.toString(i), null, null));
        }

        assertThat(client.findCustomersUpdatedSince("2000-01-01 00:00:00", 2, 2)).extracting(MagentoCustomer::email)
                .containsExactly("c3@example.com", "c4@example.com");
        // Magento repeats the last page past the end, which is why a reader stops on the total.
        assertThat(client.findCustomersUpdatedSince("2000-01-01 00:00:00", 9, 2)).extracting(MagentoCustomer::email)
                .containsExactly("c5@example.com");
        assertThat(client.findCustomersUpdatedSince("2999-01-01 00:00:00", 1, 2)).isEmpty();

        SearchResult<MagentoCustomer> newestFirst = client.searchCustomers(SearchCriteria.builder()
                .whereAny(Filter.like("email", "c1@%"), Filter.like("email", "c4@%"), Filter.like("email", "c5@%"))
                .sortBy("entity_id", Direction.DESC).page(1, 2).build());
        assertThat(newestFirst.totalCount()).isEqualTo(3);
        assertThat(newestFirst.items()).extracting(MagentoCustomer::email).containsExactly("c5@example.com", "c4@example.com");
        assertThat(magento.requests().getLast().path()).isEqualTo("/rest/V1/customers/search"
                + "?searchCriteria[filterGroups][0][filters][0][field]=email&searchCriteria[filterGroups][0][filters][0][value]=c1@%"
                + "&searchCriteria[filterGroups][0][filters][0][condition_type]=like"
                + "&searchCriteria[filterGroups][0][filters][1][field]=email&searchCriteria[filterGroups][0][filters][1][value]=c4@%"
                + "&searchCriteria[filterGroups][0][filters][1][condition_type]=like"
                + "&searchCriteria[filterGroups][0][filters][2][field]=email&searchCriteria[filterGroups][0][filters][2][value]=c5@%"
                + "&searchCriteria[filterGroups][0][filters][2][condition_type]=like"
                + "&searchCriteria[sortOrders][0][field]=entity_id&searchCriteria[sortOrders][0][direction]=DESC"
                + "&searchCriteria[pageSize]=2&searchCriteria[currentPage]=1");
    }

    @Test
    void anUpdateWithoutCustomAttributesKeepsTheLink() {
        MagentoCustomer created = client.createCustomer(customer(null, "ada@example.com", "Ada", "1001", null, null));

        MagentoCustomer renamed = client.updateCustomer(new MagentoCustomer(created.id(), created.email(), "Augusta",
                created.lastname(), created.websiteId(), created.groupId(), null, null, null, null));

        assertThat(renamed.customAttribute("skylink_customer_id")).isEqualTo("1001");
    }

    @Test
    void missingCustomerIsEmptyOnReadAndRejectedOnWrite() {
        assertThat(client.getCustomer(42)).isEmpty();

        assertThatThrownBy(() -> client.updateCustomer(customer(42L, "x@example.com", "X", "1", null, null)))
                .isInstanceOfSatisfying(MagentoException.Rejected.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessageContaining("No such entity with customerId = 42");
    }

    @Test
    void validationErrorsArriveDecodedAsRejected() {
        assertThatThrownBy(() -> client.createCustomer(customer(null, "ada@example.com", "", "1001", null, null)))
                .isInstanceOfSatisfying(MagentoException.Rejected.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageStartingWith("\"First Name\" is a required value.");
        assertThatThrownBy(() -> client.createCustomer(customer(null, "ada-at-example.com", "Ada", "1001", null, null)))
                .isInstanceOf(MagentoException.Rejected.class)
                .hasMessageStartingWith("\"Email\" is not a valid email address.");
        MagentoAddress noRegion = new MagentoAddress(null, "Ada", "Lovelace", null, List.of("1 Queen St"), "Brisbane",
                null, "4000", "AU", "0700000000", null, true, true);
        assertThatThrownBy(() -> client.createCustomer(customer(null, "ada@example.com", "Ada", "1001", null, List.of(noRegion))))
                .isInstanceOf(MagentoException.Rejected.class)
                .hasMessageStartingWith("\"regionId\" is required. Enter and try again.");
        MagentoAddress noCityNoPhone = new MagentoAddress(null, "Ada", "Lovelace", null, List.of("1 Queen St"), null,
                new MagentoRegion(572, null, null), "4000", "AU", null, null, true, true);
        assertThatThrownBy(() -> client.createCustomer(customer(null, "ada@example.com", "Ada", "1001", null, List.of(noCityNoPhone))))
                .isInstanceOf(MagentoException.Rejected.class)
                .hasMessageStartingWith("One or more input exceptions have occurred. \"city\" is required. Enter and try again.; "
                        + "\"telephone\" is required. Enter and try again.");
        assertThat(magento.customers()).isEmpty();
    }

    @Test
    void duplicateEmailIsRejected() {
        client.createCustomer(customer(null, "ada@example.com", "Ada", "1001", null, null));

        assertThatThrownBy(() -> client.createCustomer(customer(null, "ada@example.com", "Other", "1002", null, null)))
                .isInstanceOf(MagentoException.Rejected.class)
                .hasMessageStartingWith("A customer with the same email address already exists in an associated website.");
    }

    private static MagentoCustomer customer(Long id, String email, String firstname, String skylinkId, Boolean subscribed,
                                            List<MagentoAddress> addresses) {
        return new MagentoCustomer(id, email, firstname, "Lovelace", 1, null, addresses,
                Map.of("skylink_customer_id", skylinkId), subscribed, null);
    }

    private static MagentoAddress brisbane(Long id, boolean defaultBilling, boolean defaultShipping) {
        return new MagentoAddress(id, "Ada", "Lovelace", "Analytical Engines", List.of("1 Queen St", "Level 2"), "Brisbane",
                new MagentoRegion(572, null, null), "4000", "AU", "0700000000", "0799999999", defaultBilling, defaultShipping);
    }

    private static MagentoAddress wellington(Long id, boolean defaultBilling, boolean defaultShipping) {
        return new MagentoAddress(id, "Ada", "Lovelace", null, List.of("9 Lambton Quay"), "Wellington",
                new MagentoRegion(null, null, "Wellington"), "6011", "NZ", "044000000", null, defaultBilling, defaultShipping);
    }
}
