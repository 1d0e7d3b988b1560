package com.skylinksync.drift;

import com.skylinksync.connector.WorkPriority;
import com.skylinksync.magento.catalog.MagentoCatalog;
import com.skylinksync.magento.customers.MagentoCustomers;
import com.skylinksync.magento.sales.MagentoSales;
import com.skylinksync.retailexpress.RetailExpressCatalogue;
import com.skylinksync.retailexpress.RetailExpressCustomers;
import com.skylinksync.retailexpress.RetailExpressException;
import com.skylinksync.retailexpress.RetailExpressSales;
import com.skylinksync.magento.MagentoException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Compares Retail Express with Magento — products of the configured channels, linked customers, recent orders — and
 * reports every difference ({@link DriftReport}). Reads only: nothing is written to either system. RE reads go through
 * the client's permits (the shared budget) at backlog priority, paced at {@code skylink.drift.budget-share} of RE's
 * binding rate and capped at that share of the day window; Magento reads are paged searches.
 */
public final class DriftComparison {

    private final RetailExpressCatalogue catalogue;
    private final RetailExpressCustomers customers;
    private final RetailExpressSales sales;
    private final MagentoCatalog magentoCatalog;
    private final MagentoCustomers magentoCustomers;
    private final MagentoSales magentoSales;
    private final WorkPriority priority;
    private final DriftProperties properties;
    private final Clock clock;

    public DriftComparison(RetailExpressCatalogue catalogue, RetailExpressCustomers customers, RetailExpressSales sales,
                           MagentoCatalog magentoCatalog, MagentoCustomers magentoCustomers, MagentoSales magentoSales,
                           WorkPriority priority, DriftProperties properties, Clock clock) {
        this.catalogue = catalogue;
        this.customers = customers;
        this.sales = sales;
        this.magentoCatalog = magentoCatalog;
        this.magentoCustomers = magentoCustomers;
        this.magentoSales = magentoSales;
        this.priority = priority;
        this.properties = properties;
        this.clock = clock;
    }

    public DriftProperties properties() {
        return properties;
    }

    /** {@link #compare(DriftScope)} of one configured channel only. */
    public DriftReport compare(DriftScope scope, Integer channel) {
        return channel == null ? compare(scope) : withProperties(properties.onlyChannel(channel)).compare(scope);
    }

    /** {@link #estimate(DriftScope)} of one configured channel only. */
    public DriftCost estimate(DriftScope scope, Integer channel) {
        return channel == null ? estimate(scope) : withProperties(properties.onlyChannel(channel)).estimate(scope);
    }

    private DriftComparison withProperties(DriftProperties other) {
        return new DriftComparison(catalogue, customers, sales, magentoCatalog, magentoCustomers, magentoSales, priority, other, clock);
    }

    /** Runs the comparison; a failure part-way gives an incomplete report saying why, with what was found so far. */
    public DriftReport compare(DriftScope scope) {
        Instant started = clock.instant();
        RetailExpressReads re = new RetailExpressReads(priority, properties);
        MagentoReads mage = new MagentoReads(properties.pageSize());
        List<Drift> items = new ArrayList<>();
        Map<DriftScope, Integer> compared = new EnumMap<>(DriftScope.class);
        String note = null;
        try {
            if (scope.covers(DriftScope.PRODUCTS)) {
                compared.put(DriftScope.PRODUCTS, products().compare(re, mage, started, items));
            }
            if (scope.covers(DriftScope.CUSTOMERS)) {
                compared.put(DriftScope.CUSTOMERS, new CustomerComparison(customers, magentoCustomers, properties).compare(re, mage, items));
            }
            if (scope.covers(DriftScope.ORDERS)) {
                compared.put(DriftScope.ORDERS, new OrderComparison(sales, magentoSales, properties).compare(re, mage, started, items));
            }
        } catch (RetailExpressReads.CapReached | RetailExpressException | MagentoException stopped) {
            note = stopped.getMessage();
        }
        return new DriftReport("drift-" + UUID.randomUUID(), scope, properties.channelIds(), started, clock.instant(),
                note == null, note, re.calls(), mage.calls(), compared, items);
    }

    /** The cost of {@link #compare} without comparing: the id enumerations and counts it needs, nothing else. */
    public DriftCost estimate(DriftScope scope) {
        RetailExpressReads re = new RetailExpressReads(priority, properties);
        MagentoReads mage = new MagentoReads(properties.pageSize());
        long calls = 0;
        if (scope.covers(DriftScope.PRODUCTS)) {
            calls += products().estimateCalls(re);
        }
        if (scope.covers(DriftScope.CUSTOMERS)) {
            calls += new CustomerComparison(customers, magentoCustomers, properties).estimateCalls(mage);
        }
        if (scope.covers(DriftScope.ORDERS)) {
            calls += new OrderComparison(sales, magentoSales, properties).estimateCalls(mage, clock.instant());
        }
        Duration time = properties.timeFor(calls);
        return new DriftCost(scope, calls, properties.budgetShare(), properties.perMinute(), time,
                properties.callCap(), calls <= properties.callCap(), re.calls());
    }

    private ProductComparison products() {
        return new ProductComparison(catalogue, magentoCatalog, magentoCustomers, properties);
    }
}
