package com.skylinksync.sandbox.retailexpress;

import jakarta.xml.soap.SOAPBody;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFactory;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.soap.SOAPHeader;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPHandler;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Server-side gate in front of every operation: journals the call and enforces the {@code ClientHeader}, answering
 * a SOAP fault as RE does. A handler rather than code in each operation, so no operation can forget it and rejected
 * calls never reach the service.
 */
final class ClientHeaderCheck implements SOAPHandler<SOAPMessageContext> {

    static final String NAMESPACE = "http://retailexpress.com.au/";
    static final QName CLIENT_HEADER = new QName(NAMESPACE, "ClientHeader");
    /** RE's own words (reference 4): the SDK matched on exactly this text. */
    static final String INVALID_CLIENT_ID = "The client ID provided is not valid";
    /** RE's real wording for bad credentials is unknown (the SDK never handled it); this is our stand-in. */
    static final String AUTHENTICATION_FAILED = "Authentication failed: invalid username or password";
    /** Our wording for RE's throttle fault; clients recognise a throttle by "throttl" in the reason. */
    static final String THROTTLE_LIMIT_EXCEEDED = "API throttle limit exceeded";

    private final UUID clientId;
    private final String username;
    private final String password;
    private final CallJournal journal;
    private final ThrottleWindows windows;

    ClientHeaderCheck(UUID clientId, String username, String password, CallJournal journal, ThrottleWindows windows) {
        this.clientId = clientId;
        this.username = username;
        this.password = password;
        this.journal = journal;
        this.windows = windows;
    }

    @Override
    public boolean handleMessage(SOAPMessageContext context) {
        if (Boolean.TRUE.equals(context.get(MessageContext.MESSAGE_OUTBOUND_PROPERTY))) {
            return true;
        }
        try {
            Element operation = operationElement(context.getMessage().getSOAPBody());
            String name = operation == null ? "" : localName(operation);
            List<String> ids = operation == null ? List.of() : requestedIds(operation);
            Integer channelId = operation == null ? null : channelId(operation);
            String refusal = refusal(context.getMessage().getSOAPHeader());
            if (refusal != null) {
                journal.record(name, ids, channelId, CallOutcome.REJECTED);
                throw new SOAPFaultException(senderFault(refusal));
            }
            // The budget is per client, so it is checked only once the client is known (as RE must).
            ThrottleWindows.Admission admission = windows.admission();
            if (admission != ThrottleWindows.Admission.ADMITTED) {
                if (admission == ThrottleWindows.Admission.INJECTED_THROTTLE) {
                    journal.injectedThrottle(name, ids, channelId);
                } else {
                    journal.record(name, ids, channelId, CallOutcome.THROTTLED);
                }
                throw new SOAPFaultException(senderFault(THROTTLE_LIMIT_EXCEEDED));
            }
            journal.record(name, ids, channelId, CallOutcome.OK);
            return true;
        } catch (SOAPException e) {
            throw new IllegalStateException("Unreadable request", e);
        }
    }

    /** Null when the header names our client and user, otherwise RE's fault reason. */
    private String refusal(SOAPHeader header) {
        Element clientHeader = header == null ? null : firstChild(header, "ClientHeader");
        if (clientHeader == null || !clientId.toString().equalsIgnoreCase(childText(clientHeader, "ClientID").strip())) {
            return INVALID_CLIENT_ID;
        }
        if (!username.equals(childText(clientHeader, "UserName")) || !password.equals(childText(clientHeader, "Password"))) {
            return AUTHENTICATION_FAILED;
        }
        return null;
    }

    /**
     * The entity ids a request names, for the journal: every {@code <int>} of an id array, and the single-id
     * parameters (ChangesetId, OrderId, VoucherCode). CustomerXML and other documents are not opened.
     */
    private static List<String> requestedIds(Element operation) {
        List<String> ids = new ArrayList<>();
        NodeList all = operation.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            switch (localName(element)) {
                case "int", "ChangesetId", "OrderId", "VoucherCode" -> ids.add(element.getTextContent().strip());
                default -> { }
            }
        }
        return ids;
    }

    /**
     * The ChannelId parameter of a *ByChannel call, kept apart from the entity ids so that a journal reader can
     * tell product 1 from channel 1; null when absent or not a number (the operation itself then answers).
     */
    private static Integer channelId(Element operation) {
        Element channel = firstChild(operation, "ChannelId");
        if (channel == null) {
            return null;
        }
        try {
            return Integer.valueOf(channel.getTextContent().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static SOAPFault senderFault(String reason) throws SOAPException {
        return SOAPFactory.newInstance(SOAPConstants.SOAP_1_2_PROTOCOL)
                .createFault(reason, SOAPConstants.SOAP_SENDER_FAULT);
    }

    private static Element operationElement(SOAPBody body) {
        if (body == null) {
            return null;
        }
        for (Node node = body.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                return element;
            }
        }
        return null;
    }

    private static Element firstChild(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(localName(element))) {
                return element;
            }
        }
        return null;
    }

    private static String childText(Element parent, String name) {
        Element child = firstChild(parent, name);
        return child == null ? "" : child.getTextContent();
    }

    private static String localName(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getNodeName();
    }

    @Override
    public boolean handleFault(SOAPMessageContext context) {
        return true;
    }

    /** Declares that this handler processes ClientHeader, so a client marking it mustUnderstand is served. */
    @Override
    public Set<QName> getHeaders() {
        return Set.of(CLIENT_HEADER);
    }

    @Override
    public void close(MessageContext context) {
    }
}
