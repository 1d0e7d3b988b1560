package com.skylinksync.sandbox.retailexpress;

import java.net.URI;
import java.util.Objects;

/**
 * Where the simulator sends EDS change sets when a test changes an entity: RE's side of the gateway's
 * {@code PUT /eds/notify?client_id=..&channel_id=..}, with the simulator's own client id.
 *
 * @param gateway   the gateway's base URL, e.g. {@code http://127.0.0.1:8080}
 * @param apiKey    sent as {@code x-api-key}
 * @param channelId the RE sales channel the change sets are for
 */
public record EdsTarget(URI gateway, String apiKey, int channelId) {

    public EdsTarget {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(apiKey, "apiKey");
    }

    @Override
    public String toString() {
        return "EdsTarget[gateway=" + gateway + ", apiKey=****, channelId=" + channelId + "]";
    }
}
