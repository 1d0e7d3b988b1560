package com.skylinksync.fulfillment.shipping;

import com.skylinksync.magento.sales.MagentoInvoice;
import com.skylinksync.magento.sales.MagentoOrder;
import com.skylinksync.magento.sales.MagentoSales;
import com.skylinksync.retailexpress.orders.Order;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * RE's payments → one full Magento invoice (reference 3.7): only once they cover what Magento says is due
 * ({@code base_total_due}), never a partial one, never a second. The invoice carries {@value #INVOICE_COMMENT} so the
 * payment push knows it as RE's own (and does not pay RE again for it), read from Magento itself.
 */
@Component
public class RetailExpressInvoices {

    /** The comment on an invoice made from RE's payments. */
    public static final String INVOICE_COMMENT = "SkyLink: paid in Retail Express";

    private final DocumentLedger ledger;
    private final MagentoSales magento;

    RetailExpressInvoices(DocumentLedger ledger, MagentoSales magento) {
        this.ledger = ledger;
        this.magento = magento;
    }

    /** Whether an invoice was made now. */
    boolean invoiceIfPaid(Order reOrder, MagentoOrder order) {
        var known = ledger.invoice(reOrder.id());
        if (known.isPresent() && known.get().done()) {
            return false;
        }
        if (known.isPresent()) {
            // The intent without its outcome: Magento tells whether the invoice was made before the interruption.
            List<MagentoInvoice> ours = magento.invoicesOf(order.id()).stream()
                    .filter(i -> i.hasComment(INVOICE_COMMENT)).toList();
            if (!ours.isEmpty()) {
                ledger.invoiced(reOrder.id(), order.id(), ours.getFirst().id());
                return false;
            }
        }
        BigDecimal due = order.baseTotalDue() == null ? BigDecimal.ZERO : order.baseTotalDue();
        if (due.signum() <= 0 || !invoiceable(order) || reOrder.totalPaid().compareTo(due) < 0) {
            return false; // nothing due, already invoiced in Magento, or not yet paid in full: all or nothing
        }
        ledger.invoicing(reOrder.id(), order.id());
        long invoiceId = magento.invoiceOrder(order.id(), false, INVOICE_COMMENT);
        ledger.invoiced(reOrder.id(), order.id(), invoiceId);
        return true;
    }

    private static boolean invoiceable(MagentoOrder order) {
        return !List.of("payment_review", "holded", "canceled", "complete", "closed").contains(order.state())
                && order.items().stream().anyMatch(i -> i.qtyOrdered() != null
                && i.qtyOrdered().compareTo(i.qtyInvoiced() == null ? BigDecimal.ZERO : i.qtyInvoiced()) > 0);
    }
}
