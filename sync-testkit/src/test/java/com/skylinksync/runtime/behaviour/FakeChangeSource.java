package com.skylinksync.runtime.behaviour;

import com.skylinksync.connector.ChangeSource;
import com.skylinksync.schemas.avro.EntityType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One pod's change source over a system that cannot notify (Magento, polled by {@code updated_at}): the changes the
 * test makes, numbered; the cursor is the number of the last change published. Records each poll it serves, and
 * every time two of its polls overlapped.
 */
final class FakeChangeSource implements ChangeSource {

    /** The polled system, shared by every pod's source: changes in the order they were made. */
    static final class Changes {
        private final List<String> made = new ArrayList<>();
        private final String prefix;

        Changes(String prefix) {
            this.prefix = prefix;
        }

        /** Makes {@code count} more changes; returns the entity ids changed. */
        synchronized List<String> make(int count) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String id = prefix + "-" + (made.size() + 1);
                made.add(id);
                ids.add(id);
            }
            return ids;
        }

        synchronized List<String> after(int seen, int most) {
            return List.copyOf(made.subList(Math.min(seen, made.size()), Math.min(seen + most, made.size())));
        }

        synchronized int count() {
            return made.size();
        }
    }

    /** One poll served: from which cursor, when. */
    record Poll(String cursor, Instant at) {
    }

    /** Blocks a poll until the test lets it go. */
    @FunctionalInterface
    interface Hold {
        void await();
    }

    static final int PAGE = 5;

    private final String name;
    private final Changes changes;
    private final Schedule schedule;
    private final List<Poll> polls = new CopyOnWriteArrayList<>();
    private final AtomicInteger polling = new AtomicInteger();
    private final AtomicInteger overlaps = new AtomicInteger();
    private volatile Hold hold = () -> { };

    FakeChangeSource(String name, Changes changes, Schedule schedule) {
        this.name = name;
        this.changes = changes;
        this.schedule = schedule;
    }

    FakeChangeSource hold(Hold hold) {
        this.hold = hold;
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public EntityType entityType() {
        return EntityType.MAGENTO_CUSTOMER;
    }

    @Override
    public Schedule schedule() {
        return schedule;
    }

    @Override
    public String initialCursor() {
        return "0";
    }

    @Override
    public Batch poll(String cursor) {
        if (polling.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
        }
        try {
            polls.add(new Poll(cursor, Instant.now()));
            hold.await();
            int seen = Integer.parseInt(cursor);
            List<String> ids = changes.after(seen, PAGE);
            int next = seen + ids.size();
            return new Batch(ids.stream().map(id -> new Change(id, id.substring(id.lastIndexOf('-') + 1),
                    "{\"id\":\"" + id + "\"}")).toList(),
                    String.valueOf(next), next < changes.count());
        } finally {
            polling.decrementAndGet();
        }
    }

    List<Poll> polls() {
        return List.copyOf(polls);
    }

    int overlaps() {
        return overlaps.get();
    }
}
