package com.skylinksync.runtime;

import com.skylinksync.connector.Failure;
import com.skylinksync.connector.FailureClassifier;
import com.skylinksync.connector.FailureKind;
import com.skylinksync.connector.PermanentSyncException;
import com.skylinksync.connector.UncertainSyncException;
import java.util.List;
import java.util.Optional;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * Classifies a failed sync (DESIGN section 3, "Errors are classified") by walking its cause chain from the outside in:
 * the connector API's own exceptions and unreadable events first, then what each client's {@link FailureClassifier}
 * says of its exceptions. The runtime knows no client: they contribute classifiers as beans.
 */
final class Failures {

    private static final Failure UNEXPECTED = new Failure(FailureKind.TRANSIENT, "UNEXPECTED");

    private final List<FailureClassifier> classifiers;

    Failures(List<FailureClassifier> classifiers) {
        this.classifiers = List.copyOf(classifiers);
    }

    /** The verdict of the outermost recognised exception; an unexpected failure is retried (and dead-lettered if it persists). */
    Failure classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Optional<Failure> verdict = own(t);
            if (verdict.isEmpty()) {
                for (FailureClassifier classifier : classifiers) {
                    verdict = classifier.classify(t);
                    if (verdict.isPresent()) {
                        break;
                    }
                }
            }
            if (verdict.isPresent()) {
                return verdict.get();
            }
        }
        return UNEXPECTED;
    }

    private static Optional<Failure> own(Throwable t) {
        return switch (t) {
            case PermanentSyncException p -> Optional.of(new Failure(FailureKind.PERMANENT, p.code()));
            case UncertainSyncException ignored -> Optional.of(new Failure(FailureKind.UNCERTAIN, "UNCERTAIN_WRITE"));
            case DeserializationException ignored -> Optional.of(new Failure(FailureKind.PERMANENT, "UNREADABLE_EVENT"));
            default -> Optional.empty();
        };
    }

    /** The innermost message: the one that names what went wrong. */
    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
