package com.skylinksync.magento.sales;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * An order as {@code GET /V1/orders/{id}} returns it (M/Sales/Api/Data/OrderInterface), the fields SkyLink reads, in
 * Magento's snake_case. Amounts are tax-inclusive where Magento's name says {@code incl_tax}. The shipping address is
 * in {@code extension_attributes.shipping_assignments[].shipping.address}, as Magento returns it; the payment method
 * in {@code payment.method}; comments in {@code status_histories}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MagentoOrder(
        @JsonProperty("entity_id") Long id,
        @JsonProperty("increment_id") String incrementId,
        String state,
        String status,
        @JsonProperty("store_id") Integer storeId,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("customer_id") Long customerId,
        @JsonProperty("customer_is_guest") Integer customerIsGuest,
        @JsonProperty("customer_email") String customerEmail,
        @JsonProperty("customer_firstname") String customerFirstname,
        @JsonProperty("customer_lastname") String customerLastname,
        @JsonProperty("customer_note") String customerNote,
        @JsonProperty("shipping_method") String shippingMethod,
        @JsonProperty("shipping_description") String shippingDescription,
        @JsonProperty("shipping_incl_tax") BigDecimal shippingInclTax,
        @JsonProperty("shipping_tax_amount") BigDecimal shippingTaxAmount,
        @JsonProperty("grand_total") BigDecimal grandTotal,
        @JsonProperty("base_total_due") BigDecimal baseTotalDue,
        @JsonProperty("total_invoiced") BigDecimal totalInvoiced,
        @JsonProperty("billing_address") MagentoOrderAddress billingAddress,
        Payment payment,
        List<MagentoOrderItem> items,
        @JsonProperty("status_histories") List<MagentoOrderComment> statusHistories,
        @JsonProperty("extension_attributes") Extension extensionAttributes) {

    public MagentoOrder {
        items = items == null ? List.of() : List.copyOf(items);
        statusHistories = statusHistories == null ? List.of() : List.copyOf(statusHistories);
    }

    /** {@code payment.method}, e.g. {@code checkmo}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Payment(String method) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Extension(@JsonProperty("shipping_assignments") List<ShippingAssignment> shippingAssignments) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ShippingAssignment(Shipping shipping) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Shipping(MagentoOrderAddress address, String method) {
    }

    public boolean isGuest() {
        return customerIsGuest != null && customerIsGuest == 1 || customerId == null;
    }

    /** The shipping addresses of the order's shipping assignments (one for a normal order, none for a virtual one). */
    public List<MagentoOrderAddress> shippingAddresses() {
        if (extensionAttributes == null || extensionAttributes.shippingAssignments() == null) {
            return List.of();
        }
        return extensionAttributes.shippingAssignments().stream()
                .map(ShippingAssignment::shipping).filter(s -> s != null && s.address() != null)
                .map(Shipping::address).toList();
    }

    public Optional<String> paymentMethod() {
        return Optional.ofNullable(payment).map(Payment::method);
    }

    /** Top-level items (no {@code parent_item_id}): what the customer chose. */
    public List<MagentoOrderItem> topLevelItems() {
        return items.stream().filter(i -> i.parentItemId() == null).toList();
    }

    /** The children of a top-level item (a configurable's chosen simple, a bundle's parts). */
    public List<MagentoOrderItem> childrenOf(MagentoOrderItem parent) {
        return items.stream().filter(i -> parent.id().equals(i.parentItemId())).toList();
    }

    /** The text of the first comment starting with {@code prefix}, less the prefix. */
    public Optional<String> commentValue(String prefix) {
        return statusHistories.stream().map(MagentoOrderComment::comment)
                .filter(c -> c != null && c.startsWith(prefix)).map(c -> c.substring(prefix.length()).strip())
                .findFirst();
    }
}
