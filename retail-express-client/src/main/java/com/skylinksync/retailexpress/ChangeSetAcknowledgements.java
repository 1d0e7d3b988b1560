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
     * EDS acknowledgement {@code ChangeSetProcessed(ChangesetId)}, its failures classified like a read's (retry). RE's
     * documentation does not say what a second call for the same change set does: a caller that must tell RE once
     * uses {@link #changeSetProcessed(String, Runnable)}.
     */
    public void changeSetProcessed(String changeSetId) {
        send(changeSetId, false, () -> { });
    }

    /**
     * {@code ChangeSetProcessed(ChangesetId)} as a write whose outcome matters: {@code beforeSending} runs after the
     * call's API budget permit, just before the request leaves (a caller records there that it is sending, or throws to
     * send nothing); a failure once the request may have reached RE is {@link RetailExpressException.Uncertain}, only a
     * failure to connect at all is {@link RetailExpressException.Transient}.
     */
    public void changeSetProcessed(String changeSetId, Runnable beforeSending) {
        send(changeSetId, true, Objects.requireNonNull(beforeSending, "beforeSending"));
    }

    private void send(String changeSetId, boolean write, Runnable beforeSending) {
        String operation = "ChangeSetProcessed";
        Element result = transport.call(operation, write, port -> {
            beforeSending.run();
            return port.changeSetProcessed(changeSetId);
        }, ChangeSetProcessedResult::getAny);
        boolean failed = ResultElements.all(result, "Result").stream()
                .anyMatch(r -> "fail".equals(r.getTextContent().strip().toLowerCase(Locale.ROOT)));
        if (failed) {
            throw new RetailExpressException.Business(operation,
                    "RE did not accept change set " + changeSetId + " (Result=Fail)", null);
        }
    }
}
