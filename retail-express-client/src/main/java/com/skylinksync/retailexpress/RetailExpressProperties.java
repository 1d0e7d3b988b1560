package com.skylinksync.retailexpress;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code skylink.retail-express.*}: how a Spring Boot service reaches Retail Express. A {@link RetailExpressTransport}
 * bean (and the feature clients over it) is created from these when {@code endpoint} is set (see
 * {@link RetailExpressAutoConfiguration}).
 *
 * @param endpoint       the RE V2 SOAP endpoint, e.g. {@code https://api.retailexpress.com.au/API/ecommerce.svc}
 *                       (the sandbox simulator: {@code http://127.0.0.1:8082/re/ecommerce.svc})
 * @param clientId       the RE client id (a UUID issued by Retail Express), sent in every {@code ClientHeader}
 * @param username       the RE API user name
 * @param password       the RE API password; never logged (masked in payload logs and in {@link #toString()})
 * @param connectTimeout how long to wait for the TCP connection to RE; default 5s
 * @param requestTimeout how long to wait for RE's answer to one call; default 30s. For writes, running out of it
 *                       means an uncertain outcome, so keep it above RE's slowest normal answer
 * @param logPayloads    log every raw SOAP request and response at DEBUG (logger
 *                       {@code com.skylinksync.retailexpress.PayloadLog}), passwords masked; default false
 */
@ConfigurationProperties("skylink.retail-express")
public record RetailExpressProperties(URI endpoint, UUID clientId, String username, String password,
                                      @DefaultValue("5s") Duration connectTimeout,
                                      @DefaultValue("30s") Duration requestTimeout,
                                      @DefaultValue("false") boolean logPayloads) {

    /** The client settings; fails with the missing property's name rather than a bare NullPointerException. */
    public RetailExpressSettings toSettings() {
        require(endpoint, "endpoint");
        require(clientId, "client-id");
        require(username, "username");
        require(password, "password");
        return new RetailExpressSettings(endpoint, clientId, username, password, connectTimeout, requestTimeout,
                logPayloads);
    }

    private static void require(Object value, String property) {
        if (value == null) {
            throw new IllegalStateException("skylink.retail-express." + property + " must be set");
        }
    }

    @Override
    public String toString() {
        return "RetailExpressProperties[endpoint=" + endpoint + ", clientId=" + clientId + ", username=" + username
                + ", password=****, connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", logPayloads=" + logPayloads + "]";
    }
}
