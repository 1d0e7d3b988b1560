package com.skylinksync.sandbox.magento;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The simulator tests' common ground: every test gets a fresh store (simulator on a free port) and a client to it. */
abstract class FreshStoreTest {

    protected MagentoSimulator magento;
    protected RestTestClient rest;

    @BeforeEach
    void startStore() {
        magento = MagentoSimulator.start(MagentoSimulator.Options.defaults().withPort(0));
        rest = new RestTestClient(magento);
    }

    @AfterEach
    void stopStore() {
        magento.close();
    }
}
