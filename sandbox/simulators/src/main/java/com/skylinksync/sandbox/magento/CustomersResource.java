package com.skylinksync.sandbox.magento;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The customer routes of M/Customer/etc/webapi.xml the simulated store answers: POST /V1/customers (createAccount,
 * anonymous), GET /V1/customers/search, GET /V1/customers/:customerId, PUT /V1/customers/:id.
 */
final class CustomersResource {

    private final CustomerStore customers;
    private final CustomerAttributes attributes;
    private final ObjectMapper json;

    CustomersResource(CustomerStore customers, CustomerAttributes attributes, ObjectMapper json) {
        this.customers = customers;
        this.attributes = attributes;
        this.json = json;
    }

    /** Literal routes before parameterised ones, so {@code customers/search} is not read as a customer id. */
    List<Route> routes() {
        return List.of(
                new Route("POST", "customers", Route.ANONYMOUS, this::create),
                new Route("GET", "customers/search", "Magento_Customer::customer", this::search),
                new Route("GET", "customers/:customerId", "Magento_Customer::customer", this::get),
                new Route("PUT", "customers/:id", "Magento_Customer::manage", this::replace));
    }

    /**
     * createAccount is open to guests (a shop's sign-up form); a guest may not choose the group
     * (M/Customer/Model/AccountManagementApi::validateCustomerRequest).
     */
    private Reply create(Route.Call call) {
        JsonNode customer = RequestBody.parameter(json, call.body(), "customer");
        if (!call.authenticated() && customer.hasNonNull("group_id")) {
            throw MagentoFault.unauthorized("Magento_Customer::manage");
        }
        return Reply.json(200, customers.create(customer));
    }

    private Reply search(Route.Call call) {
        SearchCriteria criteria = SearchCriteria.parse(call.rawQuery());
        // The collection joins the attributes when the query is built, so a bad field fails on an empty store too.
        criteria.fields().forEach(attributes::requireKnown);
        List<ObjectNode> all = customers.all();
        return Reply.json(200, SearchResults.page(all, criteria, attributes::valueOf));
    }

    /** M/Customer/Model/CustomerRegistry::retrieve: the id is an int, and so is the parameter. */
    private Reply get(Route.Call call) {
        long id = customerId(call.parameter("customerId"));
        return Reply.json(200, customers.get(id).orElseThrow(() -> MagentoFault.noSuchEntity("customerId", id)));
    }

    /** The id in the URL overrides the body's (M/Webapi/Controller/Rest/ParamsOverrider). */
    private Reply replace(Route.Call call) {
        long id = customerId(call.parameter("id"));
        return Reply.json(200, customers.replace(id, RequestBody.parameter(json, call.body(), "customer")));
    }

    private static long customerId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notAnId) {
            // Simplified: Magento refuses the type before the repository; nothing answers a non-numeric id either way.
            throw MagentoFault.noSuchEntity("customerId", text);
        }
    }
}
