package com.skylinksync.magento;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code skylink.magento.*}: where the Magento store's REST API is and how to call it.
 *
 * @param baseUrl     the REST root, e.g. {@code https://shop.example.com/rest}; setting it switches the client on
 * @param accessToken the integration's access token (System > Integrations), sent as a bearer token; never logged
 * @param timeout     time allowed for one request, connection included; slow answers count as unavailable
 */
@ConfigurationProperties("skylink.magento")
public record MagentoProperties(URI baseUrl, String accessToken, @DefaultValue("10s") Duration timeout) {

    public MagentoSettings toSettings() {
        return new MagentoSettings(baseUrl, accessToken, timeout);
    }

    @Override
    public String toString() {
        return "MagentoProperties[baseUrl=" + baseUrl + ", accessToken=****, timeout=" + timeout + "]";
    }
}
