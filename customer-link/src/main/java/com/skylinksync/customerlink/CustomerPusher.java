package com.skylinksync.customerlink;

import com.skylinksync.customerlink.PushLedger.PushState;
import com.skylinksync.connector.PermanentSyncException;
import com.skylinksync.connector.UncertainSyncException;
import com.skylinksync.magento.customers.MagentoCustomers;
import com.skylinksync.magento.customers.MagentoCustomer;
import com.skylinksync.magento.MagentoException;
import com.skylinksync.retailexpress.RetailExpressCustomers;
import com.skylinksync.retailexpress.RetailExpressException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One changed Magento customer → Retail Express (reference 3.2, its defects fixed). Pushes only when what RE holds
 * of the customer ({@link RetailExpressContent}) differs from what RE was last given or last gave, so the write-back
 * of the RE id — itself a Magento save — pushes nothing, and neither does a Magento write made by the RE → Magento
 * sync. Linked customers (a {@code skylink_customer_id}) update their RE customer: a change made in Magento is pushed
 * even though RE owns the fields (the original did the same; the README says why).
 *
 * <p>Failures: RE refusing the content is recorded in the ledger (and dead-lettered by the connector) and
 * skipped until the customer changes; a create whose outcome is unknown is never resent — the customer is PARKED for
 * an operator, because resending could make a second RE customer; anything transient is thrown as
 * {@link PushStalled}, which the runtime retries with backoff without losing the customer.
 *
 * <p>Shared by customer-sync-service (its Magento customer push) and fulfillment-sync-service (a registered
 * customer's order needs the customer in RE first, {@link #ensureInRetailExpress}). The push of an unlinked customer
 * — the only one that can create — runs under a PostgreSQL advisory lock on the Magento customer id
 * ({@link PushLedger#exclusively}): one create at a time per customer across pods and, as both services' schemas live
 * in one database, across the two services.
 */
public class CustomerPusher {

    private static final Logger log = LoggerFactory.getLogger(CustomerPusher.class);

    private final RetailExpressCustomers retailExpress;
    private final MagentoCustomers magento;
    private final PushLedger ledger;
    private final NewCustomerPasswords passwords;

    public CustomerPusher(RetailExpressCustomers retailExpress, MagentoCustomers magento, PushLedger ledger,
                          NewCustomerPasswords passwords) {
        this.retailExpress = retailExpress;
        this.magento = magento;
        this.ledger = ledger;
        this.passwords = passwords;
    }

    /**
     * Pushes this version of the customer (from a poll's snapshot). Before a create the customer is read again under
     * its lock: the order push (the other service, with its own ledger) may have created and linked it since the
     * snapshot was polled, and must not be followed by a second RE customer.
     */
    public PushOutcome push(MagentoCustomer customer) {
        if (linkOf(customer) != null) {
            return pushVersion(customer, false); // an update: cannot create, needs no lock
        }
        return ledger.exclusively(customer.id(), () -> pushVersion(customer, true));
    }

    /**
     * The RE customer of Magento customer {@code magentoCustomerId}, created in RE now (and written back) when it has
     * none. Read from Magento under the customer's lock, so a create by another pod or service that finished a moment
     * ago is seen, not repeated. A linked customer is not pushed (keeping it in step is customer-sync-service's job).
     *
     * @throws PushStalled             RE or Magento unavailable: retry later
     * @throws PermanentSyncException  no such Magento customer ({@code CUSTOMER_NOT_FOUND}), or RE refused it
     *                                 ({@code CUSTOMER_REJECTED_BY_RETAIL_EXPRESS})
     * @throws UncertainSyncException  a create of unknown outcome: parked for an operator, never resent
     */
    public int ensureInRetailExpress(long magentoCustomerId) {
        return ledger.exclusively(magentoCustomerId, () -> {
            MagentoCustomer current = magento.getCustomer(magentoCustomerId).orElseThrow(() -> new PermanentSyncException(
                    "CUSTOMER_NOT_FOUND", "Magento customer " + magentoCustomerId + " does not exist"));
            Integer link = linkOf(current);
            if (link != null) {
                return link;
            }
            PushOutcome outcome = pushVersion(current, false);
            Integer reId = ledger.find(magentoCustomerId).map(PushState::reCustomerId).orElse(null);
            if (outcome == PushOutcome.PARKED) {
                throw new UncertainSyncException(lastError(magentoCustomerId), null);
            }
            if (reId == null) { // refused now, or refused earlier and unchanged since
                throw new PermanentSyncException("CUSTOMER_REJECTED_BY_RETAIL_EXPRESS", lastError(magentoCustomerId));
            }
            return reId;
        });
    }

    private PushOutcome pushVersion(MagentoCustomer customer, boolean readAgainBeforeCreate) {
        long id = customer.id();
        // The poll asks with gteq, so the same (id, updated_at) comes back; it is recognised by its content, not by
        // its updated_at alone: two saves within one second share an updated_at, and the second must still be pushed.
        Optional<PushState> known = ledger.find(id);
        RetailExpressContent content = RetailExpressContent.of(customer);
        String hash = content.hash();
        Integer link = linkOf(customer);
        Integer reId = link != null ? link : known.map(PushState::reCustomerId).orElse(null);
        String state = known.map(PushState::state).orElse("");

        if (link == null && reId == null && state.equals("PARKED")) {
            return PushOutcome.PARKED; // still waiting for an operator to link it (or to clear the parked row)
        }
        if (link == null && reId == null && state.equals("CREATING")) {
            // A pod died between sending a create and recording its answer: RE may hold the customer already.
            return park(customer, hash, "an earlier create was sent to Retail Express and its answer was lost");
        }
        if (known.isPresent() && hash.equals(known.get().contentHash())
                && (state.equals("IN_STEP") || state.equals("REJECTED"))) {
            if (link == null && reId != null) {
                writeBack(customer, reId); // RE has it; only the link in Magento is missing (a failed write-back)
            } else {
                ledger.seen(id, customer.updatedAt());
            }
            return PushOutcome.UNCHANGED;
        }
        if (reId == null && readAgainBeforeCreate) {
            MagentoCustomer current = readAgain(customer);
            if (linkOf(current) != null) {
                return pushVersion(current, false); // linked meanwhile by the order push: an update at most
            }
        }
        return reId == null ? create(customer, content, hash) : update(customer, content, hash, reId, link == null);
    }

    /** The customer as Magento holds it now (the snapshot if Magento no longer has it: the create then refuses). */
    private MagentoCustomer readAgain(MagentoCustomer customer) {
        try {
            return magento.getCustomer(customer.id()).orElse(customer);
        } catch (MagentoException unavailable) {
            throw new PushStalled("Magento customer " + customer.id() + " could not be read again before its create: "
                    + unavailable.getMessage(), unavailable);
        }
    }

    private PushOutcome create(MagentoCustomer customer, RetailExpressContent content, String hash) {
        long id = customer.id();
        ledger.creating(id, hash, customer.updatedAt());
        int reId;
        try {
            reId = retailExpress.createOrUpdateCustomer(content.toUpdate(null, passwords.next()));
        } catch (RetailExpressException.Uncertain unknown) {
            return park(customer, hash, unknown.getMessage());
        } catch (RetailExpressException.Business | RetailExpressException.NotFound refused) {
            return reject(customer, null, hash, refused);
        } catch (RetailExpressException notSent) {
            // Transient, throttled or configuration: RE answered with a fault or was never reached; nothing was created.
            ledger.createNotSent(id);
            throw new PushStalled("Retail Express could not take Magento customer " + id + ": " + notSent.getMessage(), notSent);
        }
        ledger.inStep(id, reId, hash, customer.updatedAt());
        log.info("Magento customer {} pushed to Retail Express as new customer {}", id, reId);
        writeBack(customer, reId);
        return PushOutcome.CREATED;
    }

    private PushOutcome update(MagentoCustomer customer, RetailExpressContent content, String hash, int reId,
                               boolean linkMissing) {
        long id = customer.id();
        try {
            retailExpress.createOrUpdateCustomer(content.toUpdate(reId, null));
        } catch (RetailExpressException.Business | RetailExpressException.NotFound refused) {
            return reject(customer, reId, hash, refused);
        } catch (RetailExpressException retry) {
            // Includes Uncertain: an update of a known RE id sets the same fields again, so resending is harmless.
            throw new PushStalled("Retail Express could not update customer " + reId + " from Magento customer " + id
                    + ": " + retry.getMessage(), retry);
        }
        ledger.inStep(id, reId, hash, customer.updatedAt());
        log.info("Magento customer {} pushed to Retail Express customer {}", id, reId);
        if (linkMissing) {
            writeBack(customer, reId);
        }
        return PushOutcome.UPDATED;
    }

    /** Stores the RE id in {@code skylink_customer_id}; that save's new updated_at is marked seen (one push per change). */
    private void writeBack(MagentoCustomer customer, int reId) {
        Map<String, String> attributes = new HashMap<>(customer.customAttributes() == null ? Map.of()
                : customer.customAttributes());
        attributes.put(CustomerLink.MAGENTO_ATTRIBUTE, Integer.toString(reId));
        MagentoCustomer linked = new MagentoCustomer(customer.id(), customer.email(), customer.firstname(),
                customer.lastname(), customer.websiteId(), customer.groupId(),
                customer.addresses() == null ? List.of() : customer.addresses(), attributes, customer.subscribed(),
                customer.updatedAt());
        MagentoCustomer written;
        try {
            written = magento.updateCustomer(linked);
        } catch (MagentoException failed) {
            // RE's id is in the ledger: the next poll writes it back instead of creating another RE customer.
            throw new PushStalled("Writing Retail Express id " + reId + " back to Magento customer " + customer.id()
                    + " failed: " + failed.getMessage(), failed);
        }
        ledger.seen(customer.id(), written.updatedAt());
    }

    private PushOutcome park(MagentoCustomer customer, String hash, String reason) {
        long id = customer.id();
        String message = "Retail Express customer create for Magento customer " + id + " (" + customer.email()
                + ") has an unknown outcome: " + reason + ". Check Retail Express for the customer; then set its id as"
                + " skylink_customer_id in Magento, or delete the customer_push row to create it again.";
        ledger.parked(id, hash, customer.updatedAt(), message);
        log.error("Magento customer {} parked for an operator: {}", id, message);
        return PushOutcome.PARKED;
    }

    private PushOutcome reject(MagentoCustomer customer, Integer reId, String hash, RetailExpressException refused) {
        long id = customer.id();
        ledger.rejected(id, reId, hash, customer.updatedAt(), refused.getMessage());
        log.warn("Retail Express refused Magento customer {}; skipped until it changes: {}", id, refused.getMessage());
        return PushOutcome.REJECTED;
    }


    /** The RE customer the Magento customer is linked to as far as the ledger knows, as text (null when none). */
    public String reCustomerId(long magentoId) {
        return ledger.find(magentoId).map(PushState::reCustomerId).map(String::valueOf).orElse(null);
    }

    /** Why the last push of the customer was refused or parked, as recorded. */
    public String lastError(long magentoId) {
        return ledger.find(magentoId).map(PushState::lastError).orElse("no error recorded for Magento customer " + magentoId);
    }

    private static Integer linkOf(MagentoCustomer customer) {
        return CustomerLink.retailExpressId(customer).orElse(null);
    }
}
