package com.skylinksync.customers.pricegroups;

import com.skylinksync.retailexpress.PriceGroupType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Retail Express price groups become Magento customer groups ({@code skylink.price-groups.*}).
 *
 * @param customerType which of a customer's two price groups decides its Magento group ({@code standard} or
 *                     {@code fixed}); a customer without one of that type gets Magento's default group
 * @param taxClassId   tax class of the customer groups created (Magento's "Retail Customer" is 3)
 */
@ConfigurationProperties("skylink.price-groups")
public record PriceGroupProperties(@DefaultValue("STANDARD") PriceGroupType customerType,
                                   @DefaultValue("3") int taxClassId) {
}
