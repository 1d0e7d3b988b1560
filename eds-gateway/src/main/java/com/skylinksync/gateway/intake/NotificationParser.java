package com.skylinksync.gateway.intake;

import com.skylinksync.gateway.changesets.ChangeSetEntity;
import com.skylinksync.gateway.changesets.EntityDisposition;
import com.skylinksync.gateway.changesets.NewChangeSet;
import com.skylinksync.gateway.web.Problem;
import com.skylinksync.gateway.web.ProblemException;
import com.skylinksync.schemas.avro.EntityType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an EDS notification body: {@code {"Changesets":[{"ChangesetId":"…","UpdatedEntities":[{"Type":"Customer","List":[300000]}]}]}}.
 * Parsing is done here rather than by the web framework so every refusal says exactly what and where:
 * malformed JSON is a 400 with line and column, well-formed but invalid content a 422 with a JSON pointer.
 */
final class NotificationParser {

    private static final Pattern CHANGE_SET_ID = Pattern.compile("[A-Za-z0-9._:{}-]{1,64}");
    private static final int MAX_TYPE_LENGTH = 64;
    private static final Pattern INTERNAL_REFERENCE = Pattern.compile(",?\\s*(from|use)?\\s*`[A-Za-z0-9_.$#()]+`");

    // Strict on syntax (duplicate keys, trailing garbage) because a body we half-understand must not be registered.
    private final JsonMapper json = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final int maxEntities;

    NotificationParser(int maxEntities) {
        this.maxEntities = maxEntities;
    }

    ParsedNotification parse(byte[] body, UUID clientId, int salesChannelId) {
        JsonNode root = readTree(body);
        if (!root.isObject()) {
            throw invalid("", "The body must be a JSON object with a Changesets array");
        }
        JsonNode changeSets = root.get("Changesets");
        if (changeSets == null || !changeSets.isArray() || changeSets.isEmpty()) {
            throw invalid("/Changesets", "Changesets must be a non-empty array");
        }
        Map<String, NewChangeSet> byId = new LinkedHashMap<>();
        Set<String> explicitIds = new LinkedHashSet<>();
        Set<String> ignoredTypes = new LinkedHashSet<>();
        int[] entityCount = {0};
        for (int c = 0; c < changeSets.size(); c++) {
            String at = "/Changesets/" + c;
            JsonNode changeSet = changeSets.get(c);
            if (!changeSet.isObject()) {
                throw invalid(at, "Each change set must be a JSON object");
            }
            List<ChangeSetEntity> entities = entities(changeSet, at, entityCount, ignoredTypes);
            String explicitId = changeSetId(changeSet.get("ChangesetId"), at + "/ChangesetId");
            if (explicitId != null) {
                if (!explicitIds.add(explicitId)) {
                    throw invalid(at + "/ChangesetId", "ChangesetId " + explicitId + " appears more than once in this notification");
                }
                byId.put(explicitId, new NewChangeSet(explicitId, false, clientId, salesChannelId, entities));
            } else {
                // Identical change sets without ids derive the same id: one registration, as a repeat would be.
                String derived = derivedId(clientId, salesChannelId, entities);
                byId.putIfAbsent(derived, new NewChangeSet(derived, true, clientId, salesChannelId, entities));
            }
        }
        return new ParsedNotification(List.copyOf(byId.values()), List.copyOf(ignoredTypes));
    }

    private JsonNode readTree(byte[] body) {
        if (body.length == 0) {
            throw new ProblemException(Problem.of("malformed-json", "Malformed JSON", 400, "The body is empty"));
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            TokenStreamLocation where = e.getLocation();
            String position = where == null || where == TokenStreamLocation.NA ? "" :
                    " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw new ProblemException(Problem.of("malformed-json", "Malformed JSON", 400,
                    "The body is not valid JSON" + position + ": " + brief(withoutInternals(e.getOriginalMessage()))));
        }
    }

    private List<ChangeSetEntity> entities(JsonNode changeSet, String at, int[] entityCount, Set<String> ignoredTypes) {
        JsonNode groups = changeSet.get("UpdatedEntities");
        if (groups == null || !groups.isArray() || groups.isEmpty()) {
            throw invalid(at + "/UpdatedEntities", "UpdatedEntities must be a non-empty array");
        }
        Map<String, ChangeSetEntity> distinct = new LinkedHashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            String groupAt = at + "/UpdatedEntities/" + g;
            JsonNode group = groups.get(g);
            if (!group.isObject()) {
                throw invalid(groupAt, "Each entry of UpdatedEntities must be a JSON object with Type and List");
            }
            JsonNode typeNode = group.get("Type");
            if (typeNode == null || !typeNode.isString() || typeNode.stringValue().isBlank()
                    || typeNode.stringValue().length() > MAX_TYPE_LENGTH || !printable(typeNode.stringValue())) {
                throw invalid(groupAt + "/Type", "Type must be a non-blank string of at most " + MAX_TYPE_LENGTH
                        + " printable characters");
            }
            String type = typeNode.stringValue().strip();
            EdsTypeRoute route = EdsTypeRoute.of(type);
            JsonNode ids = group.get("List");
            if (ids == null || !ids.isArray() || ids.isEmpty()) {
                throw invalid(groupAt + "/List", "List must be a non-empty array of ids");
            }
            for (int i = 0; i < ids.size(); i++) {
                String idAt = groupAt + "/List/" + i;
                if (++entityCount[0] > maxEntities) {
                    throw invalid(idAt, "A notification may name at most " + maxEntities + " entities");
                }
                String id = entityId(ids.get(i), route, type, idAt);
                if (route.disposition() == EntityDisposition.IGNORED) {
                    ignoredTypes.add(type);
                }
                // Only synced entities carry an EntityType: completions are matched by it, and must never match a
                // bulk entity (SalesChannel 1) when they report an entity of the same id (Product 1).
                EntityType entityType = route.disposition() == EntityDisposition.SYNC ? route.entityType() : null;
                distinct.putIfAbsent(type + "\u0000" + id,
                        new ChangeSetEntity(type, id, entityType, route.attributeCode(), route.disposition()));
            }
        }
        return List.copyOf(distinct.values());
    }

    private static String entityId(JsonNode node, EdsTypeRoute route, String type, String at) {
        String id;
        if (node.isIntegralNumber()) {
            id = node.bigIntegerValue().toString();
        } else if (node.isString()) {
            id = node.stringValue();
        } else {
            throw invalid(at, type + " ids must be " + route.idDescription());
        }
        if (!route.idPattern().matcher(id).matches()) {
            throw invalid(at, type + " id " + quoted(id) + " is not " + route.idDescription());
        }
        return id;
    }

    private static String changeSetId(JsonNode node, String at) {
        if (node == null || node.isNull() || (node.isString() && node.stringValue().isBlank())) {
            return null;
        }
        if (!node.isString() || !CHANGE_SET_ID.matcher(node.stringValue()).matches()) {
            throw invalid(at, "ChangesetId must be a string of at most 64 letters, digits and '-' (a UUID), or absent");
        }
        return node.stringValue();
    }

    /**
     * A change set without an id is named by its content: the same client, channel and entities always give the same
     * id, in whatever order RE listed them, so a repeat is recognised as one.
     */
    static String derivedId(UUID clientId, int salesChannelId, List<ChangeSetEntity> entities) {
        Set<String> canonical = new TreeSet<>();
        entities.forEach(e -> canonical.add(e.edsType() + ":" + e.entityId()));
        String content = "eds-change-set|" + clientId + "|" + salesChannelId + "|" + String.join(",", canonical);
        return UUID.nameUUIDFromBytes(content.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Unknown types are stored and counted as sent, so they must be text PostgreSQL can hold: no control characters
     * (NUL is refused by PostgreSQL, and would have turned a bad body into a 503 that RE retries forever) and no
     * unpaired surrogates (not encodable as UTF-8).
     */
    private static boolean printable(String text) {
        return text.codePoints().noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE);
    }

    /**
     * Jackson's limit messages name the Java setting that holds the limit ("from `StreamReadConstraints.getMaxNestingDepth()`"):
     * useful to us, noise to a caller, and an internal name in an answer. The limit itself stays in the message.
     */
    static String withoutInternals(String message) {
        return message == null ? "" : INTERNAL_REFERENCE.matcher(message).replaceAll("");
    }

    private static ProblemException invalid(String pointer, String detail) {
        return new ProblemException(Problem.of("invalid-change-set", "Invalid change set", 422, detail).at(pointer));
    }

    private static String quoted(String id) {
        return "\"" + brief(id) + "\"";
    }

    /** Keeps what is echoed from the request short. */
    private static String brief(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
