package com.skylinksync.magento;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to call Magento's REST API.
 *
 * @param baseUrl     the REST root, e.g. {@code https://shop.example.com/rest} (paths {@code /V1/...} are appended)
 * @param accessToken integration access token, sent as a bearer token; never logged
 * @param timeout     time allowed for one request
 */
public record MagentoSettings(URI baseUrl, String accessToken, Duration timeout) {

    public MagentoSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(accessToken, "accessToken");
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    @Override
    public String toString() {
        return "MagentoSettings[baseUrl=" + baseUrl + ", accessToken=****, timeout=" + timeout + "]";
    }
}
