package com.skylinksync.sandbox.retailexpress;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * RE's side of EDS: tells the gateway which entities changed, as RE does (DESIGN 3, "EDS intake"). Numeric ids are
 * sent as JSON numbers, order ids such as {@code 16-00000001} as strings. Sent synchronously, so a test that changes
 * an entity knows the gateway has registered the change set when the call returns.
 */
final class EdsNotifier {

    private static final Pattern NUMERIC = Pattern.compile("\\d{1,9}");

    private final UUID clientId;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Queue<ChangeSet> sent = new ConcurrentLinkedQueue<>();
    private volatile EdsTarget target;

    EdsNotifier(UUID clientId) {
        this.clientId = clientId;
    }

    void target(EdsTarget target) {
        this.target = target;
    }

    /** Sends one change set naming {@code ids} of {@code type}; without a target it is only recorded. */
    ChangeSet notify(String type, List<String> ids) {
        String changeSetId = UUID.randomUUID().toString();
        EdsTarget to = target;
        int status = to == null ? 0 : send(to, changeSetId, type, ids);
        ChangeSet changeSet = new ChangeSet(changeSetId, type, ids, status);
        sent.add(changeSet);
        return changeSet;
    }

    List<ChangeSet> sent() {
        return List.copyOf(sent);
    }

    private int send(EdsTarget to, String changeSetId, String type, List<String> ids) {
        List<Object> list = new ArrayList<>();
        for (String id : ids) {
            list.add(NUMERIC.matcher(id).matches() ? (Object) Integer.valueOf(id) : id);
        }
        Map<String, Object> entities = new LinkedHashMap<>();
        entities.put("Type", type);
        entities.put("List", list);
        Map<String, Object> changeSet = new LinkedHashMap<>();
        changeSet.put("ChangesetId", changeSetId);
        changeSet.put("UpdatedEntities", List.of(entities));
        String body = json.writeValueAsString(Map.of("Changesets", List.of(changeSet)));
        String base = to.gateway().toString().replaceAll("/+$", "");
        URI uri = URI.create(base + "/eds/notify?client_id=" + URLEncoder.encode(clientId.toString(), StandardCharsets.UTF_8)
                + "&channel_id=" + to.channelId());
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("x-api-key", to.apiKey()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
