package com.skylinksync.catalog.products;

import com.skylinksync.catalog.CatalogProperties;
import com.skylinksync.catalog.attributes.CatalogSetup;
import com.skylinksync.connector.EntitySyncer;
import com.skylinksync.connector.PermanentSyncException;
import com.skylinksync.connector.SyncResult;
import com.skylinksync.connector.SyncTask;
import com.skylinksync.connector.TaskOutcome;
import com.skylinksync.retailexpress.RetailExpressCatalogue;
import com.skylinksync.retailexpress.products.ChannelProducts;
import com.skylinksync.retailexpress.products.Matrix;
import com.skylinksync.retailexpress.products.Product;
import com.skylinksync.retailexpress.products.RejectedMatrix;
import com.skylinksync.schemas.avro.EntityType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code PRODUCT} events → Magento products. A group of products is fetched with one {@code GetProductsByChannel}
 * per configured channel (RE returns each matrix child with its siblings); a product goes to the websites of the
 * channels that list it. A matrix asked for through several children of the group is written once; its children's
 * outcomes are each their own product's. The target id is the Magento product id.
 */
@Component
class ProductSyncer implements EntitySyncer {

    private final RetailExpressCatalogue retailExpress;
    private final ProductWriter products;
    private final MatrixWriter matrices;
    private final Websites websites;
    private final CatalogSetup setup;
    private final CatalogProperties properties;
    private final Clock clock = Clock.systemUTC();

    ProductSyncer(RetailExpressCatalogue retailExpress, ProductWriter products, MatrixWriter matrices, Websites websites,
                  CatalogSetup setup, CatalogProperties properties) {
        this.retailExpress = retailExpress;
        this.products = products;
        this.matrices = matrices;
        this.websites = websites;
        this.setup = setup;
        this.properties = properties;
    }

    @Override
    public EntityType entityType() {
        return EntityType.PRODUCT;
    }

    @Override
    public SyncResult sync(SyncTask task) {
        TaskOutcome outcome = syncAll(List.of(task)).getFirst();
        if (outcome instanceof TaskOutcome.Failed failed) {
            throw failed.failure();
        }
        return ((TaskOutcome.Done) outcome).result();
    }

    @Override
    public List<TaskOutcome> syncAll(List<SyncTask> tasks) {
        setup.requireReady();
        Set<Integer> ids = new LinkedHashSet<>();
        for (SyncTask task : tasks) {
            id(task).ifPresent(ids::add);
        }
        Map<Integer, ChannelProducts> byWebsite = new LinkedHashMap<>();
        properties.channels().forEach((channel, code) ->
                byWebsite.put(websites.websiteOf(channel), retailExpress.getProductsByChannel(ids, channel,
                        properties.productMapping())));
        Map<String, MatrixWriter.Written> writtenMatrices = new HashMap<>();
        List<TaskOutcome> outcomes = new ArrayList<>();
        for (SyncTask task : tasks) {
            outcomes.add(TaskOutcome.of(task, () -> syncOne(task, byWebsite, writtenMatrices)));
        }
        return outcomes;
    }

    private SyncResult syncOne(SyncTask task, Map<Integer, ChannelProducts> byWebsite,
                               Map<String, MatrixWriter.Written> writtenMatrices) {
        int id = id(task).orElseThrow(() -> new PermanentSyncException("INVALID_ENTITY_ID",
                "'" + task.entityId() + "' is not an RE product id"));
        Map<Integer, Matrix> matrixByWebsite = new LinkedHashMap<>();
        Map<Integer, Product> productByWebsite = new LinkedHashMap<>();
        for (Map.Entry<Integer, ChannelProducts> channel : byWebsite.entrySet()) {
            Optional<RejectedMatrix> rejected = channel.getValue().rejected().stream()
                    .filter(r -> r.productIds().contains(id)).findFirst();
            if (rejected.isPresent()) {
                throw new PermanentSyncException("INVALID_MATRIX", rejected.get().reason());
            }
            channel.getValue().matrixOf(id).ifPresent(matrix -> matrixByWebsite.put(channel.getKey(), matrix));
            channel.getValue().simpleProduct(id).ifPresent(product -> productByWebsite.put(channel.getKey(), product));
        }
        // A drift heal is sent because Magento no longer holds what was last written: write whatever the hashes say.
        boolean force = task.latest().getOrigin() == com.skylinksync.schemas.avro.Origin.DRIFT;
        if (!matrixByWebsite.isEmpty()) {
            String sku = matrixByWebsite.values().iterator().next().sku();
            MatrixWriter.Written matrix = writtenMatrices.computeIfAbsent(sku, s -> matrices.write(matrixByWebsite, clock.instant(), force));
            ProductWriter.Written child = matrix.children().get(id);
            if (child == null) {
                throw new PermanentSyncException("NOT_ON_PRIMARY_CHANNEL", "RE product " + id + " of matrix " + sku
                        + " is not on the first channel that lists its matrix");
            }
            // Written once for all its children in this group: each reports whether the matrix was written.
            return matrix.writes() == 0 ? SyncResult.unchanged(String.valueOf(child.magentoId()), child.hash())
                    : SyncResult.synced(String.valueOf(child.magentoId()), child.hash());
        }
        if (productByWebsite.isEmpty()) {
            throw new PermanentSyncException("NOT_FOUND_IN_RETAIL_EXPRESS", "RE product " + id
                    + " is on none of the channels " + properties.channels().keySet());
        }
        ProductWriter.Written written = products.write(ProductContent.of(productByWebsite, false, properties, clock.instant()), force);
        return written.writes() == 0 ? SyncResult.unchanged(String.valueOf(written.magentoId()), written.hash())
                : SyncResult.synced(String.valueOf(written.magentoId()), written.hash());
    }

    private static Optional<Integer> id(SyncTask task) {
        try {
            int id = Integer.parseInt(task.entityId().strip());
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
