package com.skylinksync.retailexpress;

import com.skylinksync.retailexpress.soap.ChangeSetProcessedResponse.ChangeSetProcessedResult;
import java.util.Locale;
import java.util.Objects;
import org.w3c.dom.Element;

/**
 * Telling Retail Express an EDS change set is done ({@code ChangeSetProcessed}), over one
 * {@link RetailExpressTransport}: until then RE keeps accumulating the change set's entities. Thread-safe.
 */
public final class ChangeSetAcknowledgements {

    private final RetailExpressTransport transport;

    public ChangeSetAcknowledgements(RetailExpressTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /**
     * EDS acknowledgement {@code ChangeSetProcessed(ChangesetId)}. Acknowledging twice is harmless, so its failures are
     * classified like a read's (retry), never as uncertain.
     */
    public void changeSetProcessed(String changeSetId) {
        String operation = "ChangeSetProcessed";
        Element result = transport.call(operation, false, port -> port.changeSetProcessed(changeSetId),
                ChangeSetProcessedResult::getAny);
        boolean failed = ResultElements.all(result, "Result").stream()
                .anyMatch(r -> "fail".equals(r.getTextContent().strip().toLowerCase(Locale.ROOT)));
        if (failed) {
            throw new RetailExpressException.Business(operation,
                    "RE did not accept change set " + changeSetId + " (Result=Fail)", null);
        }
    }
}
