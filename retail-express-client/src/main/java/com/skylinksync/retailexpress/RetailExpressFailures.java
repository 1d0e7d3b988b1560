package com.skylinksync.retailexpress;

import com.skylinksync.connector.Failure;
import com.skylinksync.connector.FailureClassifier;
import com.skylinksync.connector.FailureKind;
import java.util.Locale;
import java.util.Optional;

/**
 * This client's contribution to the runtime's failure classification: RE refusing the content or not knowing the
 * entity is permanent, a write of unknown outcome is uncertain, everything else RE says (throttled, unavailable, the
 * credentials refused) is transient. Codes read {@code RETAIL_EXPRESS_<KIND>}, e.g. {@code RETAIL_EXPRESS_NOTFOUND}.
 */
public final class RetailExpressFailures implements FailureClassifier {

    @Override
    public Optional<Failure> classify(Throwable failure) {
        if (!(failure instanceof RetailExpressException re)) {
            return Optional.empty();
        }
        FailureKind kind = switch (re) {
            case RetailExpressException.Business ignored -> FailureKind.PERMANENT;
            case RetailExpressException.NotFound ignored -> FailureKind.PERMANENT;
            case RetailExpressException.Uncertain ignored -> FailureKind.UNCERTAIN;
            default -> FailureKind.TRANSIENT; // throttled, transient, configuration
        };
        return Optional.of(new Failure(kind, "RETAIL_EXPRESS_" + re.getClass().getSimpleName().toUpperCase(Locale.ROOT)));
    }
}
