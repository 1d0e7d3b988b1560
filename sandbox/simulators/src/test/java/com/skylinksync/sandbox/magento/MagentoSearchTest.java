package com.skylinksync.sandbox.magento;

import static com.skylinksync.sandbox.magento.RestTestClient.customerJson;
import static com.skylinksync.sandbox.magento.RestTestClient.emails;
import static com.skylinksync.sandbox.magento.RestTestClient.encode;
import static com.skylinksync.sandbox.magento.RestTestClient.eq;
import static com.skylinksync.sandbox.magento.RestTestClient.filter;
import static com.skylinksync.sandbox.magento.RestTestClient.filterQuery;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code searchCriteria} on customers and customer groups: filters, sort orders, paging. */
class MagentoSearchTest extends FreshStoreTest {

    @Test
    void searchOrsFiltersInAGroupAndAndsGroups() throws Exception {
        create("ada@example.com", "Ada", "1001");
        create("grace@example.com", "Grace", "1002");
        create("alan@example.org", "Alan", "1003");

        assertThat(emails(search(List.of(List.of(eq("skylink_customer_id", "1001"), eq("skylink_customer_id", "1003"))))))
                .containsExactly("ada@example.com", "alan@example.org");
        assertThat(emails(search(List.of(
                List.of(eq("skylink_customer_id", "1001"), eq("skylink_customer_id", "1003")),
                List.of(filter("email", "%.org", "like"))))))
                .containsExactly("alan@example.org");
        assertThat(emails(search(List.of(List.of(filter("firstname", "a%", "like"))))))
                .containsExactly("ada@example.com", "alan@example.org");
        assertThat(emails(search(List.of(List.of(filter("id", "1,3", "in")))))).hasSize(2);
        assertThat(emails(search(List.of(List.of(filter("id", "2", "gt")))))).containsExactly("alan@example.org");
        assertThat(emails(search(List.of(List.of(filter("email", "ada@example.com", "neq")))))).hasSize(2);
        assertThat(emails(search(List.of(List.of(eq("email", "GRACE@example.com")))))).containsExactly("grace@example.com");
        assertThat(search(List.of(List.of(eq("skylink_customer_id", "9999")))).get("total_count").asInt()).isZero();

        String updatedAt = magento.customers().get(2).get("updated_at").asString();
        assertThat(emails(search(List.of(List.of(filter("updated_at", updatedAt, "gteq")))))).contains("alan@example.org");
        assertThat(emails(search(List.of(List.of(filter("updated_at", "2000-01-01 00:00:00", "gteq")))))).hasSize(3);
        assertThat(emails(search(List.of(List.of(filter("updated_at", "2999-01-01 00:00:00", "gteq")))))).isEmpty();
        assertThat(emails(search(List.of(List.of(filter("updated_at", "2999-01-01 00:00:00", "lt")))))).hasSize(3);
    }

    @Test
    void inValuesAreSplitOnCommasAndNotTrimmed() throws Exception {
        create("ada@example.com", "Ada", "1001");
        create("grace@example.com", "Grace", "1002");

        assertThat(emails(search(List.of(List.of(filter("skylink_customer_id", "1001, 1002", "in"))))))
                .containsExactly("ada@example.com");
    }

    @Test
    void anUnknownFieldIsAnInvalidAttributeNameWithTheNameAsAPositionalParameter() throws Exception {
        var refused = rest.send("GET", "/V1/customers/search?" + filterQuery(List.of(List.of(eq("no_such_code", "x")))), null);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).isEqualTo("Invalid attribute name: %1");
        assertThat(refused.body().get("parameters").isArray()).isTrue();
        assertThat(refused.body().at("/parameters/0").asString()).isEqualTo("no_such_code");
    }

    @Test
    void searchEchoesItsCriteriaAndPages() throws Exception {
        for (int i = 1; i <= 3; i++) {
            create("c" + i + "@example.com", "C" + i, Integer.toString(i));
        }
        JsonNode page = rest.ok(rest.send("GET", "/V1/customers/search?" + filterQuery(List.of(List.of(filter("email", "%example%", "like"))))
                + "&searchCriteria%5BpageSize%5D=2&searchCriteria%5BcurrentPage%5D=2", null));

        assertThat(page.get("total_count").asInt()).isEqualTo(3);
        assertThat(emails(page)).containsExactly("c3@example.com");
        assertThat(page.at("/search_criteria/filter_groups/0/filters/0/condition_type").asString()).isEqualTo("like");
        assertThat(page.at("/search_criteria/page_size").asInt()).isEqualTo(2);
        assertThat(page.at("/search_criteria/current_page").asInt()).isEqualTo(2);
        assertThat(page.at("/search_criteria").has("sort_orders")).isFalse();
        var missing = rest.send("GET", "/V1/customers/search", null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().at("/parameters/fieldName").asString()).isEqualTo("searchCriteria");
    }

    @Test
    void aPagePastTheEndRepeatsTheLastPage() throws Exception {
        for (int i = 1; i <= 5; i++) {
            create("c" + i + "@example.com", "C" + i, Integer.toString(i));
        }

        assertThat(emails(page(2, 2))).containsExactly("c3@example.com", "c4@example.com");
        assertThat(emails(page(2, 3))).containsExactly("c5@example.com");
        assertThat(emails(page(2, 7))).as("past the end").containsExactly("c5@example.com");
        assertThat(page(2, 7).get("total_count").asInt()).isEqualTo(5);
        assertThat(emails(page(2, 0))).as("page 0 is the first").containsExactly("c1@example.com", "c2@example.com");
        assertThat(emails(page(0, 2))).as("page size 0 is every row").hasSize(5);
        assertThat(emails(rest.ok(rest.send("GET", "/V1/customers/search?searchCriteria%5BcurrentPage%5D=3", null))))
                .as("no page size is every row").hasSize(5);
    }

    @Test
    void aPageSizeThatIsNotANumberIsRefusedNamingTheField() throws Exception {
        var refused = rest.send("GET", "/V1/customers/search?searchCriteria%5BpageSize%5D=ten", null);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).isEqualTo("Error occurred during \"%field_name\" processing. %details");
        assertThat(refused.body().at("/parameters/field_name").asString()).isEqualTo("pageSize");
        assertThat(refused.body().at("/parameters/details").asString()).contains("\"ten\"").contains("\"int\"");
    }

    @Test
    void sortOrdersAreHonouredInTurnAndDescendWithoutADirection() throws Exception {
        create("b@example.com", "Same", "1");
        create("a@example.com", "Same", "2");
        create("c@example.com", "Other", "3");

        assertThat(emails(sorted(sort(0, "email", "DESC")))).containsExactly("c@example.com", "b@example.com", "a@example.com");
        assertThat(emails(sorted(sort(0, "firstname", "asc") + "&" + sort(1, "email", "ASC"))))
                .containsExactly("c@example.com", "a@example.com", "b@example.com");
        assertThat(emails(sorted(encode("searchCriteria[sortOrders][0][field]") + "=skylink_customer_id")))
                .as("no direction").containsExactly("c@example.com", "a@example.com", "b@example.com");
        assertThat(sorted(sort(0, "email", "asc")).at("/search_criteria/sort_orders/0/direction").asString()).isEqualTo("ASC");

        var refused = rest.send("GET", "/V1/customers/search?" + sort(0, "email", "up"), null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).isEqualTo("The sort order has to be specified as %1 for ascending order or %2 for descending order.");
        assertThat(refused.body().get("parameters")).hasSize(2);
        assertThat(refused.body().at("/parameters/0").asString()).isEqualTo("ASC");
        assertThat(refused.body().at("/parameters/1").asString()).isEqualTo("DESC");
    }

    @Test
    void groupsSortByIdUnlessToldAndAnUnknownFieldFailsInTheDatabase() throws Exception {
        JsonNode all = rest.ok(rest.send("GET", "/V1/customerGroups/search?searchCriteria", null));
        assertThat(all.get("items").findValuesAsString("code")).containsExactly("NOT LOGGED IN", "General", "Wholesale", "Retailer");
        JsonNode byCode = rest.ok(rest.send("GET", "/V1/customerGroups/search?" + sort(0, "code", "ASC"), null));
        assertThat(byCode.get("items").findValuesAsString("code")).containsExactly("General", "NOT LOGGED IN", "Retailer", "Wholesale");

        var broken = rest.send("GET", "/V1/customerGroups/search?" + filterQuery(List.of(List.of(eq("colour", "red")))), null);
        assertThat(broken.status()).isEqualTo(500);
        assertThat(broken.message()).matches("Internal Error\\. Details are available in Magento log file\\. Report ID: webapi-[0-9a-f]{13}");
    }

    private void create(String email, String firstname, String skylinkId) throws Exception {
        rest.ok(rest.send("POST", "/V1/customers", customerJson(email, firstname, skylinkId)));
    }

    private JsonNode search(List<List<RestTestClient.Filter>> groups) throws Exception {
        return rest.ok(rest.send("GET", "/V1/customers/search?" + filterQuery(groups), null));
    }

    private JsonNode page(int pageSize, int currentPage) throws Exception {
        return rest.ok(rest.send("GET", "/V1/customers/search?" + encode("searchCriteria[pageSize]") + "=" + pageSize
                + "&" + encode("searchCriteria[currentPage]") + "=" + currentPage, null));
    }

    private JsonNode sorted(String query) throws Exception {
        return rest.ok(rest.send("GET", "/V1/customers/search?" + query, null));
    }

    private static String sort(int index, String field, String direction) {
        String prefix = "searchCriteria[sortOrders][" + index + "]";
        return encode(prefix + "[field]") + "=" + field + "&" + encode(prefix + "[direction]") + "=" + direction;
    }
}
