package com.skylinksync.fulfillment.outlets;

import com.skylinksync.retailexpress.RetailExpressSales;
import com.skylinksync.retailexpress.outlets.Outlet;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The outlets of each sales channel as RE last gave them ({@code outlet}): Click &amp; Collect orders name one. Kept
 * by EDS {@code Outlet} events ({@link OutletSyncer}), and fetched when an order names an outlet not yet known.
 */
@Component
public class ChannelOutlets {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** An outlet as kept: its name and its address rendered one line per part. */
    public record KeptOutlet(int channelId, int outletId, String name, String address, String phone) {
    }

    private final DatabaseClient database;
    private final RetailExpressSales retailExpress;

    ChannelOutlets(DatabaseClient database, RetailExpressSales retailExpress) {
        this.database = database;
        this.retailExpress = retailExpress;
    }

    /** The outlet, fetching the channel's outlets from RE once when it is not kept yet. */
    public Optional<KeptOutlet> find(int channelId, int outletId) {
        Optional<KeptOutlet> kept = kept(channelId, outletId);
        if (kept.isPresent()) {
            return kept;
        }
        refresh(channelId);
        return kept(channelId, outletId);
    }

    /** {@code GetOutletsByChannel}: the channel's outlets replace what was kept (an outlet RE dropped is dropped). */
    public List<Outlet> refresh(int channelId) {
        List<Outlet> outlets = retailExpress.getOutletsByChannel(channelId);
        for (Outlet outlet : outlets) {
            database.sql("""
                    INSERT INTO outlet (sales_channel_id, outlet_id, name, address, phone) VALUES ($1, $2, $3, $4, $5)
                    ON CONFLICT (sales_channel_id, outlet_id) DO UPDATE SET name = EXCLUDED.name,
                        address = EXCLUDED.address, phone = EXCLUDED.phone, updated_at = now()""")
                    .bind(0, channelId).bind(1, outlet.id()).bind(2, outlet.name())
                    .bind(3, outlet.address().render()).bind(4, outlet.phone()).fetch().rowsUpdated().block(WAIT);
        }
        List<Integer> ids = outlets.stream().map(Outlet::id).toList();
        database.sql("DELETE FROM outlet WHERE sales_channel_id = $1 AND NOT (outlet_id = ANY($2))")
                .bind(0, channelId).bind(1, ids.toArray(Integer[]::new)).fetch().rowsUpdated().block(WAIT);
        return outlets;
    }

    private Optional<KeptOutlet> kept(int channelId, int outletId) {
        return Optional.ofNullable(database.sql("SELECT * FROM outlet WHERE sales_channel_id = $1 AND outlet_id = $2")
                .bind(0, channelId).bind(1, outletId)
                .map(row -> new KeptOutlet(channelId, outletId, row.get("name", String.class),
                        row.get("address", String.class), row.get("phone", String.class)))
                .one().block(WAIT));
    }
}
