package com.skylinksync.gateway.acknowledgement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** How the completions listener treats failures. */
@Configuration(proxyBeanMethods = false)
class CompletionConsumerConfiguration {

    /**
     * A completion that cannot be stored (database down) is retried with backoff for as long as it takes, never skipped:
     * a skipped completion is a change set never acknowledged. Records that cannot be read at all (deserialization
     * failures) are not retryable for the default error handler: they are logged and skipped.
     */
    @Bean
    CommonErrorHandler completionErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        return new DefaultErrorHandler(backOff);
    }
}
