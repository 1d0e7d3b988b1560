package com.skylinksync.fulfillment.outlets;

import com.skylinksync.connector.EntitySyncer;
import com.skylinksync.connector.SyncResult;
import com.skylinksync.connector.SyncTask;
import com.skylinksync.connector.TaskOutcome;
import com.skylinksync.fulfillment.OrderSettings;
import com.skylinksync.retailexpress.outlets.Outlet;
import com.skylinksync.schemas.avro.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * EDS {@code Outlet} events (and bulk): the channel's outlets are fetched in one {@code GetOutletsByChannel} for the
 * whole group and kept; an outlet RE no longer lists is dropped. Nothing is written to Magento.
 */
@Component
class OutletSyncer implements EntitySyncer {

    private final ChannelOutlets outlets;
    private final OrderSettings settings;

    OutletSyncer(ChannelOutlets outlets, OrderSettings settings) {
        this.outlets = outlets;
        this.settings = settings;
    }

    @Override
    public EntityType entityType() {
        return EntityType.OUTLET;
    }

    @Override
    public SyncResult sync(SyncTask task) {
        return syncAll(List.of(task)).stream().map(o -> switch (o) {
            case TaskOutcome.Done done -> done.result();
            case TaskOutcome.Failed failed -> throw failed.failure();
        }).findFirst().orElseThrow();
    }

    @Override
    public List<TaskOutcome> syncAll(List<SyncTask> tasks) {
        Map<Integer, List<SyncTask>> byChannel = tasks.stream().collect(Collectors.groupingBy(
                t -> t.latest().getSalesChannelId() == null ? settings.salesChannelId() : t.latest().getSalesChannelId()));
        List<TaskOutcome> outcomes = new ArrayList<>();
        byChannel.forEach((channel, ofChannel) -> {
            Map<Integer, Outlet> kept;
            try {
                kept = outlets.refresh(channel).stream().collect(Collectors.toMap(Outlet::id, Function.identity()));
            } catch (RuntimeException failure) {
                ofChannel.forEach(t -> outcomes.add(new TaskOutcome.Failed(t.entityId(), failure)));
                return;
            }
            for (SyncTask task : ofChannel) {
                // Kept or dropped, the outlet is now as RE has it; the target id says whether the channel has it.
                outcomes.add(new TaskOutcome.Done(task.entityId(), SyncResult.synced(
                        kept.containsKey(parse(task.entityId())) ? "channel-" + channel + "/outlet-" + task.entityId() : null,
                        null)));
            }
        });
        return outcomes;
    }

    private static int parse(String id) {
        try {
            return Integer.parseInt(id.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
