package com.skylinksync.retailexpress;

import com.skylinksync.retailexpress.attributes.AttributeCode;
import com.skylinksync.retailexpress.attributes.AttributeOption;
import com.skylinksync.retailexpress.attributes.ProductAttributes;
import com.skylinksync.retailexpress.outlets.Outlet;
import com.skylinksync.retailexpress.outlets.OutletAddress;
import com.skylinksync.retailexpress.payments.PaymentMethod;
import com.skylinksync.retailexpress.payments.Voucher;
import com.skylinksync.retailexpress.pricing.PriceGroup;
import com.skylinksync.retailexpress.products.ProductEta;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Maps RE's small reference documents: price groups, attributes, outlets, payment methods, vouchers and ETAs. */
final class ReferenceReader {

    private final Countries countries;

    ReferenceReader(Countries countries) {
        this.countries = countries;
    }

    /** Every {@code <PriceGroup>} at any depth (reference 3.3); the type must be standard or fixed. */
    List<PriceGroup> priceGroups(Element result) {
        return ResultElements.all(result, "PriceGroup").stream().map(e -> {
            Fields f = new Fields(e, "PriceGroup");
            PriceGroupType type;
            try {
                type = PriceGroupType.fromWire(f.stripped("PriceGroupType"));
            } catch (IllegalArgumentException ex) {
                throw new RecordFormatException(ex.getMessage());
            }
            return new PriceGroup(new PriceGroupKey(type, f.requiredInt("ID")), f.stripped("Name"));
        }).toList();
    }

    /**
     * Every group of {@code GetAllProductAttributes} (reference 3.4). Predefined options need their {@code XId};
     * custom options are a {@code <Value>} used as id and label. An empty group has no options.
     */
    ProductAttributes attributes(Element result) {
        Map<AttributeCode, List<AttributeOption>> options = new EnumMap<>(AttributeCode.class);
        for (AttributeCode code : AttributeCode.values()) {
            List<AttributeOption> ofCode = new ArrayList<>();
            for (Element group : ResultElements.all(result, code.groupElement())) {
                for (Element option : children(group, code.optionElement())) {
                    Fields f = new Fields(option, code.optionElement());
                    if (code.isPredefined()) {
                        String id = f.stripped(code.optionElement() + "Id");
                        if (id.isEmpty()) {
                            throw new RecordFormatException(code.optionElement() + " option without "
                                    + code.optionElement() + "Id");
                        }
                        ofCode.add(new AttributeOption(code, id, f.stripped(code.optionElement() + "Name")));
                    } else {
                        String value = f.stripped("Value");
                        if (!value.isEmpty()) {
                            ofCode.add(new AttributeOption(code, value, value));
                        }
                    }
                }
            }
            options.put(code, List.copyOf(ofCode));
        }
        return new ProductAttributes(options);
    }

    List<Outlet> outlets(Element result) {
        return ResultElements.all(result, "Outlet").stream().map(e -> {
            Fields f = new Fields(e, "Outlet");
            return new Outlet(f.requiredInt("OutletId"), f.stripped("OutletName"),
                    new OutletAddress(f.text("Address1"), f.text("Address2"), f.text("Address3"), f.text("Suburb"),
                            f.text("State"), f.text("Postcode"), countries.resolve(f.text("Country"))),
                    f.stripped("Phone"), f.stripped("Fax"));
        }).toList();
    }

    /** Enabled only for the exact text {@code true}, as the SDK compared it. */
    List<PaymentMethod> paymentMethods(Element result) {
        return ResultElements.all(result, "PaymentMethod").stream().map(e -> {
            Fields f = new Fields(e, "PaymentMethod");
            return new PaymentMethod(f.requiredInt("ID"), f.stripped("Name"), "true".equals(f.text("Enabled")));
        }).toList();
    }

    /** The balance is the text of the root's first child; 0 or nothing means no voucher (reference 3.10). */
    Optional<Voucher> voucher(String code, Element result) {
        if (result == null) {
            return Optional.empty();
        }
        for (Node node = result.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element first) {
                String text = first.getTextContent().strip();
                if (text.isEmpty()) {
                    return Optional.empty();
                }
                BigDecimal balance = new Fields(result, "Voucher").parseDecimal("Amount", text);
                return balance.signum() == 0 ? Optional.empty() : Optional.of(new Voucher(code, balance));
            }
        }
        return Optional.empty();
    }

    /** Every {@code <Product>} at any depth, matched by element name (the SDK's map key never matched: reference 3.6). */
    List<ProductEta> etas(Element result) {
        return ResultElements.all(result, "Product").stream().map(e -> {
            Fields f = new Fields(e, "Product");
            return new ProductEta(f.requiredInt("ProductID"), f.requiredInt("QtyOrdered"),
                    SydneyTime.parse(f.text("ETA")));
        }).toList();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && name.equals(ResultElements.nameOf(child))) {
                found.add(child);
            }
        }
        return found;
    }
}
