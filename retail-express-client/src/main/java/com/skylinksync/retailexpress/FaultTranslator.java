package com.skylinksync.retailexpress;

import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.w3c.dom.Element;

/**
 * Turns whatever a call produced (a SOAP fault, a transport failure, an error inside a successful result) into the
 * {@link RetailExpressException} subtype that tells the caller what to do.
 *
 * <p>The one subtle rule is for non-idempotent writes (CustomerCreateUpdate, OrderCreateByChannel,
 * OrderAddPayment): once the request may have reached RE, a lost answer does not mean nothing happened, so such a
 * failure is {@link RetailExpressException.Uncertain} instead of {@link RetailExpressException.Transient}. Only
 * failures to connect at all prove the request was never sent.
 */
final class FaultTranslator {

    static final String INVALID_CLIENT_ID = "The client ID provided is not valid";

    private static final Pattern HTTP_STATUS = Pattern.compile("HTTP status code (\\d{3})");
    /** RE's real wording for bad credentials is unknown (the SDK never saw it); these cover the usual phrasings. */
    private static final List<String> AUTHENTICATION_WORDS = List.of("authentication failed",
            "invalid username or password", "invalid user name or password", "login failed", "unauthorized",
            "unauthorised", "access is denied");
    private static final List<String> TRANSIENT_WORDS = List.of("timeout", "timed out", "temporarily",
            "service unavailable", "server too busy", "deadlock", "try again");

    /** A fault RE (or the simulator) answered with. */
    RetailExpressException fault(String operation, boolean write, SOAPFaultException fault) {
        String reason = reasonOf(fault);
        String lower = reason.toLowerCase(Locale.ROOT);
        if (reason.contains(INVALID_CLIENT_ID)) {
            return new RetailExpressException.Configuration(operation, "RE rejected the client id: " + reason, fault);
        }
        if (AUTHENTICATION_WORDS.stream().anyMatch(lower::contains)) {
            return new RetailExpressException.Configuration(operation, "RE rejected the credentials: " + reason, fault);
        }
        if (lower.contains("throttl")) {
            return new RetailExpressException.Throttled(operation, reason, fault);
        }
        if (TRANSIENT_WORDS.stream().anyMatch(lower::contains)) {
            return afterSending(operation, write, "RE reported a transient fault: " + reason, fault);
        }
        return new RetailExpressException.Business(operation, reason, fault);
    }

    /** Anything else JAX-WS threw: connection, HTTP status, timeouts, unreadable replies. */
    RetailExpressException transport(String operation, boolean write, WebServiceException failure) {
        Throwable cause = rootCause(failure);
        String detail = failure.getMessage() == null ? String.valueOf(cause) : failure.getMessage();
        if (neverSent(failure)) {
            return new RetailExpressException.Transient(operation, "could not connect: " + detail, failure);
        }
        Matcher status = HTTP_STATUS.matcher(detail);
        if (status.find()) {
            int code = Integer.parseInt(status.group(1));
            if (code == 401 || code == 403 || code == 404) {
                return new RetailExpressException.Configuration(operation,
                        "HTTP " + code + " from the RE endpoint: check the endpoint and credentials", failure);
            }
            if (code == 429) {
                return new RetailExpressException.Throttled(operation, "HTTP 429 from RE", failure);
            }
            if (code >= 400 && code < 500) {
                return new RetailExpressException.Business(operation, detail, failure);
            }
        }
        return afterSending(operation, write, detail, failure);
    }

    /**
     * Checks a result document: the client-id text anywhere (RE has been seen to answer that way inside a
     * successful response) is a configuration problem; any {@code <Error>} element is RE refusing the request.
     */
    void checkResult(String operation, Element result) {
        if (result == null) {
            return;
        }
        String text = result.getTextContent();
        if (text != null && text.contains(INVALID_CLIENT_ID)) {
            throw new RetailExpressException.Configuration(operation, "RE rejected the client id: " + INVALID_CLIENT_ID,
                    null);
        }
        List<Element> errors = ResultElements.all(result, "Error");
        if (!errors.isEmpty()) {
            String messages = errors.stream().map(e -> e.getTextContent().strip()).filter(s -> !s.isEmpty())
                    .collect(Collectors.joining(" "));
            throw new RetailExpressException.Business(operation, "RE reported the errors: \"" + messages + "\"", null);
        }
    }

    /** The request reached RE (or may have) and no usable answer came back. */
    RetailExpressException afterSending(String operation, boolean write, String detail, Throwable cause) {
        return write
                ? new RetailExpressException.Uncertain(operation,
                        "sent, but the outcome is unknown (" + detail + "); check RE before retrying", cause)
                : new RetailExpressException.Transient(operation, detail, cause);
    }

    private static boolean neverSent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return true;
            }
            // HttpURLConnection reports a connect timeout as a SocketTimeoutException "Connect timed out".
            if (t instanceof SocketTimeoutException && t.getMessage() != null
                    && t.getMessage().toLowerCase(Locale.ROOT).contains("connect")) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String reasonOf(SOAPFaultException fault) {
        String reason = fault.getFault() == null ? null : fault.getFault().getFaultString();
        return reason == null ? String.valueOf(fault.getMessage()) : reason.strip();
    }
}
