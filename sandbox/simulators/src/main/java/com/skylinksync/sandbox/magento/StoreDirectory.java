package com.skylinksync.sandbox.magento;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The store's websites and store views (M/Store): the admin website 0 with store {@code admin} 0, which every install
 * has and {@code GET /V1/store/websites} lists too; website {@code base} (1) with store view {@code default} (1), as a
 * fresh install; and website {@code second} (2) with store view {@code second} (2) for multi-channel tests. One store
 * group per website, with the website's id. Tests may add more.
 */
final class StoreDirectory {

    record Website(int id, String code, String name) {
    }

    record StoreView(int id, String code, String name, int websiteId) {
    }

    private final List<Website> websites = new ArrayList<>();
    private final List<StoreView> stores = new ArrayList<>();

    StoreDirectory() {
        websites.add(new Website(0, "admin", "Admin"));
        stores.add(new StoreView(0, "admin", "Admin", 0));
        add("base", "Main Website", "default", "Default Store View");
        add("second", "Second Website", "second", "Second Store View");
    }

    /** A website with one store view; returns the website's id. */
    synchronized int add(String websiteCode, String websiteName, String storeCode, String storeName) {
        if (websites.stream().anyMatch(w -> w.code().equals(websiteCode)) || storeView(storeCode).isPresent()
                || storeCode.equals("all")) {
            throw new IllegalArgumentException("website or store code already taken: " + websiteCode + ", " + storeCode);
        }
        int websiteId = websites.size();
        websites.add(new Website(websiteId, websiteCode, websiteName));
        stores.add(new StoreView(stores.size(), storeCode, storeName, websiteId));
        return websiteId;
    }

    synchronized Optional<StoreView> storeView(String code) {
        return stores.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    synchronized Optional<StoreView> storeView(int id) {
        return stores.stream().filter(s -> s.id() == id).findFirst();
    }

    synchronized boolean isWebsite(int id) {
        return id > 0 && websites.stream().anyMatch(w -> w.id() == id);
    }

    /** The websites a product can be in (not admin). */
    synchronized List<Integer> productWebsiteIds() {
        return websites.stream().map(Website::id).filter(id -> id > 0).toList();
    }

    /** The store views of a website. */
    synchronized List<StoreView> storesOf(int websiteId) {
        return stores.stream().filter(s -> s.websiteId() == websiteId).toList();
    }

    /** As {@code GET /V1/store/websites} answers (M/Store/Api/Data/WebsiteInterface). */
    synchronized List<ObjectNode> websitesJson() {
        return websites.stream().map(w -> JsonNodeFactory.instance.objectNode().put("id", w.id()).put("code", w.code())
                .put("name", w.name()).put("default_group_id", w.id())).toList();
    }

    /** As {@code GET /V1/store/storeViews} answers (M/Store/Api/Data/StoreInterface). */
    synchronized List<ObjectNode> storeViewsJson() {
        return stores.stream().map(s -> JsonNodeFactory.instance.objectNode().put("id", s.id()).put("code", s.code())
                .put("name", s.name()).put("website_id", s.websiteId()).put("store_group_id", s.websiteId())
                .put("is_active", 1)).toList();
    }
}
