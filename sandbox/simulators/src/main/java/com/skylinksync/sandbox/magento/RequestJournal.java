package com.skylinksync.sandbox.magento;

import java.util.ArrayList;
import java.util.List;

/** Every {@code /rest} request the simulator answered, in arrival order of their answers. */
final class RequestJournal {

    private final List<MagentoSimulator.Request> requests = new ArrayList<>();

    synchronized void record(MagentoSimulator.Request request) {
        requests.add(request);
    }

    synchronized List<MagentoSimulator.Request> requests() {
        return List.copyOf(requests);
    }
}
