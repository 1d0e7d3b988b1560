package com.skylinksync.retailexpress;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * Where and as whom to call Retail Express.
 *
 * @param endpoint       the SOAP endpoint, e.g. {@code https://api.retailexpress.com.au/API/ecommerce.svc}
 * @param clientId       the RE client id (UUID), sent in every {@code ClientHeader}
 * @param username       API user name
 * @param password       API password: never logged; masked in payload logs and in {@link #toString()}
 * @param connectTimeout TCP connect timeout
 * @param requestTimeout time allowed for one call's response
 * @param logPayloads    opt-in raw SOAP request/response logging (password masked)
 */
public record RetailExpressSettings(URI endpoint, UUID clientId, String username, String password,
                                    Duration connectTimeout, Duration requestTimeout, boolean logPayloads) {

    public RetailExpressSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
    }

    @Override
    public String toString() {
        return "RetailExpressSettings[endpoint=" + endpoint + ", clientId=" + clientId + ", username=" + username
                + ", password=****, connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", logPayloads=" + logPayloads + "]";
    }
}
