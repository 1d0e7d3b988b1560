package com.skylinksync.sandbox.stack;

import com.skylinksync.sandbox.magento.MagentoSimulator;
import java.math.BigDecimal;
import java.util.List;

/** The local store's products a shopper can order, linked to the RE simulator's fixtures (as a catalogue sync leaves them). */
final class StoreProducts {

    private StoreProducts() {
    }

    static void addTo(MagentoSimulator magento) {
        BigDecimal gst = new BigDecimal("0.1");
        magento.addProduct("HB0011OSFA", "Beanie", new BigDecimal("19.95"), gst, 124005);
        magento.addProduct("SC0011OSFA", "Scarf", new BigDecimal("29.95"), gst, 124006);
        magento.addProduct("BSS-THAW16-S-BLK", "Thaw Tee S Black", new BigDecimal("49.95"), gst, 124007);
        magento.addProduct("BSS-THAW16-M-BLK", "Thaw Tee M Black", new BigDecimal("49.95"), gst, 124008);
        magento.addConfigurable("BSS-THAW16", "Thaw Tee", List.of("BSS-THAW16-S-BLK", "BSS-THAW16-M-BLK"));
    }
}
