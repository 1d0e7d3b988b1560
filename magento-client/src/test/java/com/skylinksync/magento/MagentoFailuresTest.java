package com.skylinksync.magento;

import static org.assertj.core.api.Assertions.assertThat;

import com.skylinksync.connector.Failure;
import com.skylinksync.connector.FailureKind;
import org.junit.jupiter.api.Test;

class MagentoFailuresTest {

    private final MagentoFailures failures = new MagentoFailures();

    @Test
    void onlyRejectedContentIsPermanentAndEveryKindHasItsCode() {
        assertThat(failures.classify(new MagentoException.Rejected(400, "refused", null)))
                .contains(new Failure(FailureKind.PERMANENT, "MAGENTO_REJECTED"));
        assertThat(failures.classify(new MagentoException.Unauthorized(401, "token", null)))
                .contains(new Failure(FailureKind.TRANSIENT, "MAGENTO_UNAUTHORIZED"));
        assertThat(failures.classify(new MagentoException.Misconfigured(404, "no route", null)))
                .contains(new Failure(FailureKind.TRANSIENT, "MAGENTO_MISCONFIGURED"));
        assertThat(failures.classify(new MagentoException.Unavailable(503, "down", null)))
                .contains(new Failure(FailureKind.TRANSIENT, "MAGENTO_UNAVAILABLE"));
        assertThat(failures.classify(new IllegalStateException("not Magento's"))).isEmpty();
    }
}
