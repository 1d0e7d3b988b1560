package com.skylinksync.magento;

import com.skylinksync.connector.Failure;
import com.skylinksync.connector.FailureClassifier;
import com.skylinksync.connector.FailureKind;
import java.util.Locale;
import java.util.Optional;

/**
 * This client's contribution to the runtime's failure classification: Magento refusing the content is permanent;
 * Magento unavailable, refusing the token or not configured right (no route) is transient (not the entity's fault,
 * and retried until someone fixes it). Codes read {@code MAGENTO_<KIND>}: {@code MAGENTO_REJECTED},
 * {@code MAGENTO_UNAUTHORIZED}, {@code MAGENTO_MISCONFIGURED}, {@code MAGENTO_UNAVAILABLE}.
 */
public final class MagentoFailures implements FailureClassifier {

    @Override
    public Optional<Failure> classify(Throwable failure) {
        if (!(failure instanceof MagentoException magento)) {
            return Optional.empty();
        }
        FailureKind kind = magento instanceof MagentoException.Rejected ? FailureKind.PERMANENT : FailureKind.TRANSIENT;
        return Optional.of(new Failure(kind, "MAGENTO_" + magento.getClass().getSimpleName().toUpperCase(Locale.ROOT)));
    }
}
