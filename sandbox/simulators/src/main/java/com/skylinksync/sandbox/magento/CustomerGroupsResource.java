package com.skylinksync.sandbox.magento;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The customer group routes of M/Customer/etc/webapi.xml the simulated store answers, all under
 * {@code Magento_Customer::group}: GET /V1/customerGroups/search, GET /V1/customerGroups/:id, POST /V1/customerGroups,
 * PUT /V1/customerGroups/:id.
 */
final class CustomerGroupsResource {

    private static final String ACL = "Magento_Customer::group";
    // GroupRepository::translateField maps these to columns; any other field goes to SQL as it is.
    private static final Map<String, String> FIELDS = Map.of("id", "id", "code", "code", "tax_class_id", "tax_class_id",
            "tax_class_name", "tax_class_name", "customer_group_id", "id", "customer_group_code", "code",
            "class_name", "tax_class_name");

    private final CustomerGroupStore groups;
    private final ObjectMapper json;

    CustomerGroupsResource(CustomerGroupStore groups, ObjectMapper json) {
        this.groups = groups;
        this.json = json;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "customerGroups/search", ACL, this::search),
                new Route("GET", "customerGroups/:id", ACL, this::get),
                new Route("POST", "customerGroups", ACL, this::create),
                new Route("PUT", "customerGroups/:id", ACL, this::replace));
    }

    /**
     * GroupRepository::getList orders by id unless told otherwise (the collection's natural order here). A field
     * that is not a column fails in MySQL, which Magento masks as an internal error.
     */
    private Reply search(Route.Call call) {
        SearchCriteria criteria = SearchCriteria.parse(call.rawQuery());
        for (String field : criteria.fields()) {
            if (!FIELDS.containsKey(field)) {
                throw new IllegalStateException("SQLSTATE[42S22]: Column not found: 1054 Unknown column '" + field + "'");
            }
        }
        return Reply.json(200, SearchResults.page(groups.all(), criteria,
                (group, field) -> CustomerJson.text(group, FIELDS.get(field))));
    }

    private Reply get(Route.Call call) {
        int id = groupId(call.parameter("id"));
        return Reply.json(200, groups.get(id).orElseThrow(() -> MagentoFault.noSuchEntity("id", id)));
    }

    private Reply create(Route.Call call) {
        return Reply.json(200, groups.save(RequestBody.parameter(json, call.body(), "group")));
    }

    /** The id in the URL overrides the body's. */
    private Reply replace(Route.Call call) {
        int id = groupId(call.parameter("id"));
        var group = RequestBody.parameter(json, call.body(), "group");
        if (!group.isObject()) {
            throw MagentoFault.requiredField("group");
        }
        ObjectNode withId = ((ObjectNode) group).deepCopy();
        withId.put("id", id);
        return Reply.json(200, groups.save(withId));
    }

    private static int groupId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException notAnId) {
            throw MagentoFault.noSuchEntity("id", text);
        }
    }
}
