package com.skylinksync.fulfillment.orders;

import com.skylinksync.connector.PermanentSyncException;
import com.skylinksync.fulfillment.OrderSettings;
import com.skylinksync.fulfillment.outlets.ChannelOutlets;
import com.skylinksync.magento.sales.MagentoOrder;
import com.skylinksync.magento.sales.MagentoOrderAddress;
import com.skylinksync.magento.sales.MagentoOrderItem;
import com.skylinksync.retailexpress.Address;
import com.skylinksync.retailexpress.Contact;
import com.skylinksync.retailexpress.orders.DeliveryMethod;
import com.skylinksync.retailexpress.orders.ItemQty;
import com.skylinksync.retailexpress.orders.NewOrder;
import com.skylinksync.retailexpress.orders.NewOrderItem;
import com.skylinksync.retailexpress.orders.OrderStatus;
import com.skylinksync.retailexpress.pricing.TaxRate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * A Magento order as the RE order {@code OrderCreateByChannel} takes (reference 3.6), with the original's defect
 * fixed: a line's unit price is {@code price_incl_tax − discount_amount / qty_ordered}, the row discount spread over
 * the units (the original took the whole row's discount off each unit). What cannot be mapped is refused naming what
 * to configure or fix ({@link PermanentSyncException}).
 */
@Component
class OrderMapping {

    private static final Pattern PICKUP = Pattern.compile("skylinkpickup_outlet_(\\d+)");
    private static final DateTimeFormatter MAGENTO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The order for RE and, per top-level Magento item, the RE product it was sent as. */
    record Mapped(NewOrder order, Map<Long, Integer> lines) {
    }

    private final OrderSettings settings;
    private final ProductLinks products;
    private final ChannelOutlets outlets;

    OrderMapping(OrderSettings settings, ProductLinks products, ChannelOutlets outlets) {
        this.settings = settings;
        this.products = products;
        this.outlets = outlets;
    }

    /** Magento item id → RE product id of the order's top-level lines (a configurable's line is its chosen simple). */
    Map<Long, Integer> lines(MagentoOrder order) {
        Map<Long, Integer> lines = new LinkedHashMap<>();
        for (MagentoOrderItem item : order.topLevelItems()) {
            List<MagentoOrderItem> children = order.childrenOf(item);
            String sku = children.size() == 1 ? children.getFirst().sku() : item.sku();
            products.retailExpressProductId(sku).ifPresent(id -> lines.put(item.id(), id));
        }
        return lines;
    }

    /** {@code customerId}: the RE customer the order goes on (the guest customer for a guest order). */
    Mapped map(MagentoOrder order, int customerId) {
        List<NewOrderItem> items = new ArrayList<>();
        Map<Long, Integer> lines = new LinkedHashMap<>();
        for (MagentoOrderItem item : order.topLevelItems()) {
            List<MagentoOrderItem> children = order.childrenOf(item);
            if (children.size() > 1) {
                throw new PermanentSyncException("ORDER_ITEM_HAS_SEVERAL_PRODUCTS", "Order " + order.incrementId()
                        + " item \"" + item.name() + "\" (" + item.productType() + ", SKU " + item.sku() + ") holds "
                        + children.size() + " products; Retail Express takes one product per line (bundles cannot be sent)");
            }
            String sku = children.isEmpty() ? item.sku() : children.getFirst().sku();
            int productId = products.retailExpressProductId(sku).orElseThrow(() -> new PermanentSyncException(
                    "PRODUCT_NOT_LINKED", "Order " + order.incrementId() + " item \"" + item.name() + "\": the Magento"
                    + " product with SKU " + sku + " has no skylink_product_id (it is not linked to a Retail Express product)"));
            BigDecimal qty = nonNull(item.qtyOrdered());
            if (qty.signum() <= 0) {
                continue;
            }
            BigDecimal shipped = nonNull(item.qtyShipped()).min(qty);
            // The row discount spread over the row's units (the original subtracted the whole of it from each unit).
            BigDecimal unitPrice = nonNull(item.priceInclTax())
                    .subtract(nonNull(item.discountAmount()).divide(qty, 4, RoundingMode.HALF_UP));
            // Magento's own percentage when it has one; else the original's tax / (price × qty), whose cents rounding
            // would make 10 % read as 0.1001.
            BigDecimal excl = nonNull(item.price()).multiply(qty);
            BigDecimal rate = item.taxPercent() != null ? item.taxPercent().movePointLeft(2)
                    : excl.signum() == 0 ? BigDecimal.ZERO : nonNull(item.taxAmount()).divide(excl, 4, RoundingMode.HALF_UP);
            items.add(new NewOrderItem(productId, new ItemQty(qty, shipped), unitPrice.stripTrailingZeros(),
                    new TaxRate(rate)));
            lines.put(item.id(), productId);
        }
        if (items.isEmpty()) {
            throw new PermanentSyncException("ORDER_HAS_NO_ITEMS", "Order " + order.incrementId() + " has nothing to send");
        }
        MagentoOrderAddress billingAddress = order.billingAddress();
        if (billingAddress == null) {
            throw new PermanentSyncException("ORDER_HAS_NO_BILLING_ADDRESS", "Order " + order.incrementId() + " has no billing address");
        }
        List<MagentoOrderAddress> shipping = order.shippingAddresses();
        if (shipping.size() > 1) {
            throw new PermanentSyncException("TOO_MANY_SHIPPING_ADDRESSES", "Order " + order.incrementId() + " ships to "
                    + shipping.size() + " addresses; Retail Express takes one");
        }
        NewOrder mapped = new NewOrder(createdAt(order), status(order), customerId, null,
                order.customerEmail() != null ? order.customerEmail() : billingAddress.email(),
                contact(billingAddress), contact(shipping.isEmpty() ? billingAddress : shipping.getFirst()),
                nonNull(order.shippingInclTax()), publicComments(order),
                MagentoOrderPush.PRIVATE_PREFIX + order.incrementId() + " (id " + order.id() + ")", DeliveryMethod.HOME, null, null, items);
        String method = order.shippingMethod();
        Matcher pickup = method == null ? null : PICKUP.matcher(method);
        if (pickup != null && pickup.matches()) {
            int outletId = Integer.parseInt(pickup.group(1));
            outlets.find(settings.salesChannelId(), outletId).orElseThrow(() -> new PermanentSyncException(
                    "UNKNOWN_OUTLET", "Order " + order.incrementId() + " is to be collected from outlet " + outletId
                    + ", which sales channel " + settings.salesChannelId() + " does not have in Retail Express"));
            mapped = mapped.withDelivery(settings.pickupDelivery(), driverName(order)).withFulfilmentOutlet(outletId);
        } else {
            mapped = mapped.withDelivery(settings.homeDelivery(), driverName(order));
        }
        return new Mapped(mapped, lines);
    }

    /** Reference 3.6's mapping; a state it does not name is refused. */
    static OrderStatus status(MagentoOrder order) {
        String state = order.state() == null ? "" : order.state();
        return switch (state) {
            case "new" -> OrderStatus.PENDING;
            case "pending_payment", "processing", "closed", "canceled", "holded", "payment_review" -> OrderStatus.PROCESSING;
            case "complete" -> OrderStatus.COMPLETE;
            default -> throw new PermanentSyncException("ORDER_STATE_NOT_MAPPED", "Order " + order.incrementId()
                    + " is in state '" + state + "', which has no Retail Express status");
        };
    }

    /** Magento's {@code created_at} is UTC (the original sent it with no time zone at all). */
    private static java.time.Instant createdAt(MagentoOrder order) {
        return LocalDateTime.parse(order.createdAt(), MAGENTO_TIME).toInstant(ZoneOffset.UTC);
    }

    private static String publicComments(MagentoOrder order) {
        return Stream.of(blank(order.shippingDescription()) ? null : "Shipping: " + order.shippingDescription(),
                        blank(order.customerNote()) ? null : "Customer Note: " + order.customerNote())
                .filter(c -> c != null).collect(Collectors.joining("\n"));
    }

    /** The carrier's name: the shipping description before " - " (e.g. "Australia Post - Express"). */
    private static String driverName(MagentoOrder order) {
        String description = order.shippingDescription();
        if (blank(description)) {
            return null;
        }
        int dash = description.indexOf(" - ");
        return (dash < 0 ? description : description.substring(0, dash)).strip();
    }

    private static Contact contact(MagentoOrderAddress address) {
        String state = !blank(address.regionCode()) ? address.regionCode() : address.region() == null ? "" : address.region();
        return new Contact(text(address.firstname()), text(address.lastname()), text(address.company()),
                new Address(address.line(0), address.line(1), text(address.city()), state, text(address.postcode()),
                        blank(address.countryId()) ? null : address.countryId()),
                text(address.telephone()), text(address.fax()));
    }

    private static BigDecimal nonNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
