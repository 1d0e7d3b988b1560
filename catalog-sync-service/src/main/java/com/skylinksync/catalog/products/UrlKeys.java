package com.skylinksync.catalog.products;

import java.text.Normalizer;
import java.util.Locale;

/** Magento's URL-key format (M/Catalog/Model/Product/Url::formatUrlKey): lower case ASCII, dashes between words. */
final class UrlKeys {

    private UrlKeys() {
    }

    static String of(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String key = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return key.isEmpty() ? "product" : key;
    }
}
