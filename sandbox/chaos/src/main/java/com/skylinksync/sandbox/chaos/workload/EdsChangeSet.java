package com.skylinksync.sandbox.chaos.workload;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One EDS change set as RE sends it: its {@code ChangesetId}, or none (the gateway then derives one from the content),
 * and its entities by EDS type.
 *
 * @param changeSetId RE's id, or null when RE sends none
 * @param groups      the entities, one group per EDS type ({@code Product}, {@code Brand}, ...)
 */
record EdsChangeSet(String changeSetId, List<Group> groups) {

    private static final Pattern NUMERIC = Pattern.compile("\\d{1,9}");

    /** The ids of one EDS type. */
    record Group(String type, List<String> ids) {
        Group {
            ids = List.copyOf(ids);
        }
    }

    EdsChangeSet {
        groups = List.copyOf(groups);
    }

    static EdsChangeSet of(String changeSetId, String type, List<String> ids) {
        return new EdsChangeSet(changeSetId, List.of(new Group(type, ids)));
    }

    /**
     * The id the gateway acknowledges it under: RE's own, or the one the gateway derives from client, channel and
     * the distinct entities (the gateway's {@code NotificationParser.derivedId}, recomputed here so the check also
     * proves the derivation is stable across gateways and restarts).
     */
    String acknowledgedId(UUID clientId, int salesChannelId) {
        if (changeSetId != null) {
            return changeSetId;
        }
        Set<String> canonical = new TreeSet<>();
        groups.forEach(g -> g.ids().forEach(id -> canonical.add(g.type() + ":" + id)));
        String content = "eds-change-set|" + clientId + "|" + salesChannelId + "|" + String.join(",", canonical);
        return UUID.nameUUIDFromBytes(content.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The notification body: numeric ids as JSON numbers, order ids as strings, as RE sends them. */
    Map<String, Object> body() {
        List<Object> entities = new ArrayList<>();
        for (Group group : groups) {
            List<Object> list = new ArrayList<>();
            group.ids().forEach(id -> list.add(NUMERIC.matcher(id).matches() ? (Object) Integer.valueOf(id) : id));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("Type", group.type());
            entry.put("List", list);
            entities.add(entry);
        }
        Map<String, Object> changeSet = new LinkedHashMap<>();
        if (changeSetId != null) {
            changeSet.put("ChangesetId", changeSetId);
        }
        changeSet.put("UpdatedEntities", entities);
        return Map.of("Changesets", List.of(changeSet));
    }

    int size() {
        return groups.stream().mapToInt(g -> g.ids().size()).sum();
    }
}
