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
import com.skylinksync.magento.catalog.MagentoCatalog;
import java.time.Clock;
import java.time.Instant;
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
    private final WriteTargets targets;
    private final MagentoCatalog magento;
    private final CatalogProperties properties;
    private final Clock clock = Clock.systemUTC();

    ProductSyncer(RetailExpressCatalogue retailExpress, ProductWriter products, MatrixWriter matrices, Websites websites,
                  CatalogSetup setup, WriteTargets targets, MagentoCatalog magento, CatalogProperties properties) {
        this.targets = targets;
        this.magento = magento;
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

    /**
     * One {@code GetProductsByChannel} per channel for the whole group; then the simple products' write targets read
     * in one query and the ones to look up in Magento looked up together ({@link MagentoMatches}); each product or
     * matrix written; the targets written in one statement at the end (a matrix's already under its lock).
     */
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
        Group group = new Group(byWebsite, clock.instant());
        List<String> simpleTargets = new ArrayList<>();
        for (int id : ids) {
            Map<Integer, Product> product = group.simpleProduct(id);
            if (!product.isEmpty() && group.matrixOf(id).isEmpty()) {
                simpleTargets.addAll(ProductWriter.targets(id, List.copyOf(product.keySet())));
            }
        }
        TargetBatch targets = this.targets.batch(simpleTargets);
        try {
            List<MagentoMatches.Wanted> wanted = new ArrayList<>();
            for (SyncTask task : tasks) {
                Optional<Integer> id = id(task);
                if (id.isPresent() && group.matrixOf(id.get()).isEmpty() && !group.simpleProduct(id.get()).isEmpty()
                        && group.rejection(id.get()).isEmpty()) {
                    ProductContent content = group.content(id.get(), properties);
                    if (products.needsLookup(content, force(task), targets)) {
                        wanted.add(new MagentoMatches.Wanted(id.get(), content.details().sku()));
                    }
                }
            }
            MagentoMatches matches = MagentoMatches.of(magento, wanted);
            Map<String, MatrixWriter.Written> writtenMatrices = new HashMap<>();
            List<TaskOutcome> outcomes = new ArrayList<>();
            for (SyncTask task : tasks) {
                outcomes.add(TaskOutcome.of(task, () -> syncOne(task, group, writtenMatrices, targets, matches)));
            }
            return outcomes;
        } finally {
            targets.flush();
        }
    }

    /** What RE returned for a group, per website, with each product's content built once. */
    private static final class Group {
        private final Map<Integer, ChannelProducts> byWebsite;
        private final Instant now;
        private final Map<Integer, ProductContent> contents = new HashMap<>();

        Group(Map<Integer, ChannelProducts> byWebsite, Instant now) {
            this.byWebsite = byWebsite;
            this.now = now;
        }

        Optional<RejectedMatrix> rejection(int id) {
            return byWebsite.values().stream().flatMap(channel -> channel.rejected().stream())
                    .filter(r -> r.productIds().contains(id)).findFirst();
        }

        Map<Integer, Matrix> matrixOf(int id) {
            Map<Integer, Matrix> matrixByWebsite = new LinkedHashMap<>();
            byWebsite.forEach((website, channel) -> channel.matrixOf(id).ifPresent(m -> matrixByWebsite.put(website, m)));
            return matrixByWebsite;
        }

        Map<Integer, Product> simpleProduct(int id) {
            Map<Integer, Product> productByWebsite = new LinkedHashMap<>();
            byWebsite.forEach((website, channel) -> channel.simpleProduct(id).ifPresent(p -> productByWebsite.put(website, p)));
            return productByWebsite;
        }

        ProductContent content(int id, CatalogProperties properties) {
            return contents.computeIfAbsent(id, i -> ProductContent.of(simpleProduct(i), false, properties, now));
        }
    }

    private SyncResult syncOne(SyncTask task, Group group, Map<String, MatrixWriter.Written> writtenMatrices,
                               TargetBatch targets, MagentoMatches matches) {
        int id = id(task).orElseThrow(() -> new PermanentSyncException("INVALID_ENTITY_ID",
                "'" + task.entityId() + "' is not an RE product id"));
        Optional<RejectedMatrix> rejected = group.rejection(id);
        if (rejected.isPresent()) {
            throw new PermanentSyncException("INVALID_MATRIX", rejected.get().reason());
        }
        Map<Integer, Matrix> matrixByWebsite = group.matrixOf(id);
        boolean force = force(task);
        if (!matrixByWebsite.isEmpty()) {
            String sku = matrixByWebsite.values().iterator().next().sku();
            MatrixWriter.Written matrix = writtenMatrices.computeIfAbsent(sku,
                    s -> matrices.write(matrixByWebsite, group.now, force, targets));
            ProductWriter.Written child = matrix.children().get(id);
            if (child == null) {
                throw new PermanentSyncException("NOT_ON_PRIMARY_CHANNEL", "RE product " + id + " of matrix " + sku
                        + " is not on the first channel that lists its matrix");
            }
            // Written once for all its children in this group: each reports whether the matrix was written.
            return matrix.writes() == 0 ? SyncResult.unchanged(String.valueOf(child.magentoId()), child.hash())
                    : SyncResult.synced(String.valueOf(child.magentoId()), child.hash());
        }
        if (group.simpleProduct(id).isEmpty()) {
            throw new PermanentSyncException("NOT_FOUND_IN_RETAIL_EXPRESS", "RE product " + id
                    + " is on none of the channels " + properties.channels().keySet());
        }
        ProductWriter.Written written = products.write(group.content(id, properties), force, targets, matches);
        return written.writes() == 0 ? SyncResult.unchanged(String.valueOf(written.magentoId()), written.hash())
                : SyncResult.synced(String.valueOf(written.magentoId()), written.hash());
    }

    /** A drift heal is sent because Magento no longer holds what was last written: write whatever the hashes say. */
    private static boolean force(SyncTask task) {
        return task.latest().getOrigin() == com.skylinksync.schemas.avro.Origin.DRIFT;
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
