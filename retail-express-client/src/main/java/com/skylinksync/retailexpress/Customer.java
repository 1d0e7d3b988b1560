package com.skylinksync.retailexpress;

import java.util.Optional;

/**
 * A Retail Express customer as read by {@code GetCustomers}, mapped per reference 3.1: postcodes trimmed,
 * {@code DelName} split into the shipping names, countries resolved to ISO codes, an empty email defaulted
 * to {@code <id>@example.com}, {@code ReceivesNews} read as a boolean-like value.
 *
 * @param standardPriceGroupId the customer's standard price group, or null
 * @param fixedPriceGroupId    the customer's fixed price group, or null
 * @param loyaltyPoints        points available, or null when RE sent none
 */
public record Customer(int id, String email, Contact billing, Contact shipping, boolean receivesNews,
                       Integer standardPriceGroupId, Integer fixedPriceGroupId, Integer loyaltyPoints) {

    /** The customer's price group of the given type: a customer has at most one per type. */
    public Optional<PriceGroupKey> priceGroup(PriceGroupType type) {
        Integer id = type == PriceGroupType.STANDARD ? standardPriceGroupId : fixedPriceGroupId;
        return Optional.ofNullable(id).map(i -> new PriceGroupKey(type, i));
    }
}
