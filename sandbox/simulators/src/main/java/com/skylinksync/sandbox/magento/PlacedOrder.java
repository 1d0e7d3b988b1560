package com.skylinksync.sandbox.magento;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * An order as a shopper places it at the store's checkout (the sandbox's way in; Magento's REST API has no "place an
 * order" for an integration). Prices come from the store's products ({@link MagentoSimulator#addProduct}).
 *
 * @param customerId       the registered customer, or null for a guest checkout
 * @param email            the customer's email (a registered customer's own when null)
 * @param billing          billing address
 * @param shipping         shipping address; null ships to the billing address; ignored for a virtual order
 * @param lines            what is in the cart
 * @param shippingMethod   carrier_method, e.g. {@code flatrate_flatrate} or {@code skylinkpickup_outlet_2}; null for none
 * @param shippingDescription what checkout shows, e.g. {@code Flat Rate - Fixed}
 * @param shippingInclTax  the shipping charge including tax
 * @param shippingTaxRate  the tax rate on shipping, a fraction (0.1)
 * @param paymentMethod    payment method code, e.g. {@code checkmo}
 * @param customerNote     the shopper's note at checkout, or null
 * @param invoiceNow       the payment method captures at once: the order is invoiced as it is placed
 * @param comment          an order comment saved with the order (an admin creating it), or null
 */
public record PlacedOrder(Long customerId, String email, Address billing, Address shipping, List<Line> lines,
                          String shippingMethod, String shippingDescription, BigDecimal shippingInclTax,
                          BigDecimal shippingTaxRate, String paymentMethod, String customerNote, boolean invoiceNow,
                          String comment) {

    public PlacedOrder {
        Objects.requireNonNull(billing, "billing");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("An order needs at least one line");
        }
        shippingInclTax = shippingInclTax == null ? BigDecimal.ZERO : shippingInclTax;
        shippingTaxRate = shippingTaxRate == null ? BigDecimal.ZERO : shippingTaxRate;
        paymentMethod = paymentMethod == null ? "checkmo" : paymentMethod;
    }

    /** A guest order of these lines shipped by flat rate (10.00 incl. 10 % tax), paid by check/money order. */
    public static PlacedOrder guest(String email, Address address, Line... lines) {
        return new PlacedOrder(null, email, address, null, List.of(lines), "flatrate_flatrate", "Flat Rate - Fixed",
                new BigDecimal("10.00"), new BigDecimal("0.1"), "checkmo", null, false, null);
    }

    /** The same order for a registered customer. */
    public static PlacedOrder registered(long customerId, String email, Address address, Line... lines) {
        return new PlacedOrder(customerId, email, address, null, List.of(lines), "flatrate_flatrate",
                "Flat Rate - Fixed", new BigDecimal("10.00"), new BigDecimal("0.1"), "checkmo", null, false, null);
    }

    public PlacedOrder withShipping(String method, String description, BigDecimal inclTax) {
        return new PlacedOrder(customerId, email, billing, shipping, lines, method, description, inclTax,
                shippingTaxRate, paymentMethod, customerNote, invoiceNow, comment);
    }

    public PlacedOrder withNote(String note) {
        return new PlacedOrder(customerId, email, billing, shipping, lines, shippingMethod, shippingDescription,
                shippingInclTax, shippingTaxRate, paymentMethod, note, invoiceNow, comment);
    }

    public PlacedOrder withPayment(String method, boolean invoiced) {
        return new PlacedOrder(customerId, email, billing, shipping, lines, shippingMethod, shippingDescription,
                shippingInclTax, shippingTaxRate, method, customerNote, invoiced, comment);
    }

    public PlacedOrder withComment(String text) {
        return new PlacedOrder(customerId, email, billing, shipping, lines, shippingMethod, shippingDescription,
                shippingInclTax, shippingTaxRate, paymentMethod, customerNote, invoiceNow, text);
    }

    public PlacedOrder shippedTo(Address address) {
        return new PlacedOrder(customerId, email, billing, address, lines, shippingMethod, shippingDescription,
                shippingInclTax, shippingTaxRate, paymentMethod, customerNote, invoiceNow, comment);
    }

    /**
     * A cart line: a product by SKU; for a configurable, the chosen simple's SKU as {@code options} (a bundle names
     * every part it holds). {@code discount} is the cart rule's discount on the whole row (incl. tax).
     */
    public record Line(String sku, List<String> options, int qty, BigDecimal discount) {

        public Line {
            Objects.requireNonNull(sku, "sku");
            options = options == null ? List.of() : List.copyOf(options);
            if (qty < 1) {
                throw new IllegalArgumentException("qty must be at least 1");
            }
            discount = discount == null ? BigDecimal.ZERO : discount;
        }

        public static Line of(String sku, int qty) {
            return new Line(sku, List.of(), qty, BigDecimal.ZERO);
        }

        public static Line configurable(String sku, String chosenSimpleSku, int qty) {
            return new Line(sku, List.of(chosenSimpleSku), qty, BigDecimal.ZERO);
        }

        public Line discounted(BigDecimal rowDiscount) {
            return new Line(sku, options, qty, rowDiscount);
        }
    }

    /** An order address as checkout takes it. */
    public record Address(String firstname, String lastname, String company, List<String> street, String city,
                          String region, String regionCode, String postcode, String countryId, String telephone) {

        public Address {
            street = street == null ? List.of() : List.copyOf(street);
        }
    }
}
