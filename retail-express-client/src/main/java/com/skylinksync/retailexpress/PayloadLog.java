package com.skylinksync.retailexpress;

import jakarta.xml.soap.SOAPException;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPHandler;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opt-in ({@code logPayloads}) DEBUG logging of every raw SOAP envelope, for diagnosing what RE really sends.
 * Installed only when enabled, because serialising each message costs a copy of it.
 * The content of every {@code Password} element is replaced by {@code ****}: the header's API password, and a
 * customer's password inside an escaped {@code CustomerXML}/{@code OrderXML} string.
 */
final class PayloadLog implements SOAPHandler<SOAPMessageContext> {

    static final String MASK = "****";
    private static final Logger LOG = LoggerFactory.getLogger(PayloadLog.class);
    private static final Pattern PASSWORD_ELEMENT = Pattern.compile(
            "(<(?:[\\w.-]+:)?Password(?:\\s[^>]*)?>)(.*?)(</(?:[\\w.-]+:)?Password\\s*>)", Pattern.DOTALL);
    private static final Pattern ESCAPED_PASSWORD_ELEMENT = Pattern.compile(
            "(&lt;Password&gt;)(.*?)(&lt;/Password&gt;)", Pattern.DOTALL);

    private final String apiPassword;

    PayloadLog(String apiPassword) {
        this.apiPassword = apiPassword;
    }

    @Override
    public boolean handleMessage(SOAPMessageContext context) {
        log(context, false);
        return true;
    }

    @Override
    public boolean handleFault(SOAPMessageContext context) {
        log(context, true);
        return true;
    }

    private void log(SOAPMessageContext context, boolean fault) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        boolean outbound = Boolean.TRUE.equals(context.get(MessageContext.MESSAGE_OUTBOUND_PROPERTY));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            context.getMessage().writeTo(out);
        } catch (SOAPException | IOException e) {
            LOG.debug("RE {} payload could not be written for logging: {}", outbound ? "request" : "response",
                    e.toString());
            return;
        }
        LOG.debug("RE {}{}: {}", outbound ? "request" : "response", fault ? " (fault)" : "",
                mask(out.toString(StandardCharsets.UTF_8)));
    }

    /** The payload with every password element's content masked, and the API password itself wherever else it shows. */
    String mask(String payload) {
        String masked = replaceContent(PASSWORD_ELEMENT.matcher(payload));
        masked = replaceContent(ESCAPED_PASSWORD_ELEMENT.matcher(masked));
        // Belt and braces for a stray copy (say, echoed in a fault); too short a secret would mangle the log instead.
        if (apiPassword != null && apiPassword.length() >= 4) {
            masked = masked.replace(apiPassword, MASK);
        }
        return masked;
    }

    private static String replaceContent(Matcher matcher) {
        return matcher.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + m.group(3)));
    }

    @Override
    public Set<QName> getHeaders() {
        return Set.of();
    }

    @Override
    public void close(MessageContext context) {
    }
}
