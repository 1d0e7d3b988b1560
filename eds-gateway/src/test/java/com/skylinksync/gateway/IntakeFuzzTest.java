package com.skylinksync.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Throws 10,000 random and mutated requests at the running gateway over real HTTP: random bytes, truncated and
 * mutated valid bodies, wrong types, huge numbers, deep nesting, odd unicode, wrong content types, missing or odd
 * keys and query parameters. None may get a 5xx, leak a stack trace or an exception's name, or register anything
 * unless it was answered 201. Reproducible: {@code -Dfuzz.seed=N} replays a run (the seed is in every failure).
 */
class IntakeFuzzTest {

    private static final int REQUESTS = 10_000;
    private static final int CONCURRENCY = 4;
    private static final long SEED = Long.getLong("fuzz.seed", 20_260_522L);
    /** What a leaked stack trace or exception would look like in a body. */
    private static final Pattern LEAK = Pattern.compile(
            "Exception|Throwable|\\tat |\\bat [a-z]+\\.[a-z]+\\.|java\\.lang|tools\\.jackson|com\\.fasterxml|com\\.skylinksync"
                    + "|org\\.springframework|io\\.r2dbc|reactor\\.core|StreamReadConstraints|\\.java:\\d");
    private static final int MAX_BODY = 16 * 1024;
    private static final int MAX_ENTITIES = 200;

    private static GatewayFixture fixture;
    private static ConfigurableApplicationContext gateway;
    private static URI base;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void start() {
        fixture = GatewayFixture.start();
        gateway = fixture.startGateway("skylink.gateway.max-body-bytes=" + MAX_BODY + "B",
                "skylink.gateway.max-entities=" + MAX_ENTITIES, "skylink.gateway.publish-wait=200ms");
        base = URI.create("http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void tenThousandHostileRequestsGetNo5xxLeakNothingAndRegisterOnlyWhatWasAccepted() throws Exception {
        Random seeds = new Random(SEED);
        List<Long> caseSeeds = new ArrayList<>(REQUESTS);
        for (int i = 0; i < REQUESTS; i++) {
            caseSeeds.add(seeds.nextLong());
        }
        Map<String, Integer> answeredById = new ConcurrentHashMap<>();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
             ExecutorService threads = Executors.newFixedThreadPool(CONCURRENCY)) {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < CONCURRENCY; t++) {
                int lane = t;
                running.add(threads.submit(() -> {
                    for (int i = lane; i < REQUESTS; i += CONCURRENCY) {
                        FuzzCase fuzz = FuzzCase.generate(new Random(caseSeeds.get(i)), fixture.clientId());
                        String failure = send(client, fuzz, answeredById, statuses);
                        if (failure != null) {
                            failures.add("case " + i + " (seed " + SEED + ", " + fuzz.describe() + "): " + failure);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> lane : running) {
                lane.get();
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Fuzz: %d requests in %d ms (seed %d), statuses %s%n", REQUESTS, millis, SEED, new java.util.TreeMap<>(statuses));

        assertThat(failures).as("requests answered wrongly").isEmpty();
        assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(REQUESTS);
        assertThat(statuses).as("the fuzz reaches registration too").containsKeys(201, 400, 401, 403, 413, 415, 422);

        // Nothing registered that was not answered 201: the database holds exactly the change sets accepted as new.
        Set<String> registered = new HashSet<>();
        fixture.postgres.execute("SELECT 1"); // the database is still there
        for (String id : allChangeSetIds()) {
            registered.add(id);
        }
        Set<String> created = new HashSet<>();
        answeredById.forEach((id, status) -> {
            if (status == 201) {
                created.add(id);
            }
        });
        assertThat(registered).as("change sets in the database").containsExactlyInAnyOrderElementsOf(created);
        assertThat(fixture.count("SELECT count(*) FROM eds_gateway.change_set_entity e LEFT JOIN eds_gateway.change_set c"
                + " ON c.id = e.change_set_id WHERE c.id IS NULL")).isZero();
    }

    private String send(HttpClient client, FuzzCase fuzz, Map<String, Integer> answeredById, Map<Integer, Integer> statuses) {
        HttpResponse<String> response;
        try {
            response = client.send(fuzz.request(base), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            return "no answer: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        int status = response.statusCode();
        statuses.merge(status, 1, Integer::sum);
        String body = response.body();
        if (status >= 500) {
            return "answered " + status + ": " + brief(body);
        }
        if (LEAK.matcher(body).find()) {
            return "leaks internals: " + brief(body);
        }
        if (status >= 400) {
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (!contentType.startsWith("application/problem+json")) {
                return status + " with content type " + contentType + " instead of a problem";
            }
            JsonNode problem = json.readTree(body);
            if (problem.path("status").asInt() != status || problem.path("type").asString("").isEmpty()
                    || problem.path("detail").asString("").isEmpty()) {
                return status + " with an incomplete problem: " + brief(body);
            }
            if (status == 422 && fuzz.isNotify() && problem.path("pointer").isMissingNode()
                    && !"urn:skylink:problem:unknown-sales-channel".equals(problem.path("type").asString())) {
                return "422 without a pointer: " + brief(body);
            }
        }
        if (fuzz.isNotify() && (status == 201 || status == 202)) {
            JsonNode answer = json.readTree(body);
            for (JsonNode accepted : answer.isArray() ? answer : List.of(answer)) {
                answeredById.merge(accepted.path("changeSetId").asString(), accepted.path("status").asInt(), Math::min);
            }
        } else if (fuzz.isNotify()) {
            fuzz.changeSetIds().forEach(id -> answeredById.putIfAbsent(id, status));
        }
        return null;
    }

    private static List<String> allChangeSetIds() {
        List<String> ids = new ArrayList<>();
        try (var connection = java.sql.DriverManager.getConnection(fixture.postgres.jdbcUrl(), "postgres", "postgres");
             var result = connection.createStatement().executeQuery("SELECT id FROM eds_gateway.change_set")) {
            while (result.next()) {
                ids.add(result.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        return ids;
    }

    private static String brief(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    /** One generated request; every choice comes from its own seeded random, so a case can be replayed alone. */
    record FuzzCase(String kind, String method, String path, List<String[]> headers, byte[] body, List<String> changeSetIds) {

        private static final byte[] JSON_BYTES = "{}[],:\"\\-0123456789eE.tfn ".getBytes(StandardCharsets.UTF_8);
        private static final String[] TYPES = {"Customer", "PriceGroup", "Product", "Order", "Outlet", "Brand", "Colour", "Size",
                "Season", "ProductType", "Custom1", "Custom2", "Custom3", "SalesChannel", "BulkCustomer", "Voucher", "BulkVoucher",
                "Gadget", "", " ", "customer", "Ordér", "\u0000", "☃", "Type"};
        private static final String[] ODD_VALUES = {"null", "true", "false", "0", "-1", "1.5", "1e999999", "-0", "1E2",
                "123456789012345678901234567890", "9223372036854775808", "\"\"", "\"1\"", "\"16-00000001\"", "\"-\"", "{}", "[]",
                "[[]]", "\"\\u0000\"", "\"\\uD800\"", "\"😀\"", "\"\u202Eevil\"", "\"a\\\"b\"", "NaN", "Infinity", "\"" + "x".repeat(300) + "\""};
        private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=utf-8", "text/plain",
                "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/problem+json",
                "application/vnd.retailexpress+json", "application/json; charset=utf-16", "*/*", "json", "/", "application/"};

        static FuzzCase generate(Random random, String clientId) {
            List<String[]> headers = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            String query = "client_id=" + clientId + "&channel_id=1";
            String contentType = "application/json";
            String key = GatewayFixture.API_KEY;
            String kind;
            byte[] body;
            int pick = random.nextInt(100);
            if (pick < 12) {
                kind = "random bytes";
                body = new byte[random.nextInt(600)];
                random.nextBytes(body);
            } else if (pick < 24) {
                kind = "truncated";
                byte[] valid = validBody(random, ids).getBytes(StandardCharsets.UTF_8);
                body = java.util.Arrays.copyOf(valid, random.nextInt(valid.length));
            } else if (pick < 40) {
                kind = "byte mutations";
                body = mutateBytes(random, validBody(random, ids).getBytes(StandardCharsets.UTF_8));
            } else if (pick < 62) {
                kind = "structure";
                body = structural(random, ids).getBytes(StandardCharsets.UTF_8);
            } else if (pick < 68) {
                kind = "nesting";
                int depth = 1 + random.nextInt(3000);
                String open = random.nextBoolean() ? "[" : "{\"a\":";
                String close = open.equals("[") ? "]" : "}";
                body = ("{\"Changesets\":" + open.repeat(depth) + "1" + close.repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
            } else if (pick < 72) {
                kind = "oversized";
                body = ("{\"Changesets\":[" + validChangeSet(random, ids) + "]}" + " ".repeat(MAX_BODY)).getBytes(StandardCharsets.UTF_8);
            } else if (pick < 78) {
                kind = "content type";
                contentType = random.nextInt(8) == 0 ? null : CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
                body = validBody(random, ids).getBytes(StandardCharsets.UTF_8);
            } else if (pick < 84) {
                kind = "key";
                key = switch (random.nextInt(5)) {
                    case 0 -> null;
                    case 1 -> "";
                    case 2 -> GatewayFixture.API_KEY.substring(0, random.nextInt(GatewayFixture.API_KEY.length()));
                    case 3 -> GatewayFixture.API_KEY + "x";
                    default -> randomAscii(random, 1 + random.nextInt(200));
                };
                if (random.nextBoolean()) {
                    headers.add(new String[] {"x-api-key", GatewayFixture.API_KEY}); // a second, valid one
                }
                body = validBody(random, ids).getBytes(StandardCharsets.UTF_8);
            } else if (pick < 92) {
                kind = "query";
                query = oddQuery(random, clientId);
                body = validBody(random, ids).getBytes(StandardCharsets.UTF_8);
            } else if (pick < 96) {
                kind = "status api";
                headers.add(new String[] {"Authorization", "Bearer " + GatewayFixture.READ_ONLY_TOKEN});
                return new FuzzCase(kind, "GET", random.nextBoolean() ? "/changesets?" + oddListQuery(random)
                        : "/changesets/" + URLEncoder.encode(randomUnicode(random, 1 + random.nextInt(100)), StandardCharsets.UTF_8)
                                + "?entitySize=" + URLEncoder.encode(ODD_VALUES[random.nextInt(ODD_VALUES.length)], StandardCharsets.UTF_8),
                        headers, new byte[0], ids);
            } else {
                kind = "valid";
                body = validBody(random, ids).getBytes(StandardCharsets.UTF_8);
            }
            if (key != null) {
                headers.add(0, new String[] {"x-api-key", key});
            }
            if (contentType != null) {
                headers.add(new String[] {"Content-Type", contentType});
            }
            String method = random.nextInt(50) == 0 ? new String[] {"GET", "POST", "DELETE", "PATCH"}[random.nextInt(4)] : "PUT";
            return new FuzzCase(kind, method, "/eds/notify?" + query, headers, body, ids);
        }

        HttpRequest request(URI base) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            headers.forEach(header -> builder.header(header[0], header[1]));
            HttpRequest.BodyPublisher publisher = body.length == 0 && method.equals("GET")
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
            return builder.method(method, publisher).build();
        }

        boolean isNotify() {
            return path.startsWith("/eds/notify");
        }

        String describe() {
            return kind + " " + method + " " + path;
        }

        private static String validBody(Random random, List<String> ids) {
            StringBuilder body = new StringBuilder("{\"Changesets\":[");
            int changeSets = 1 + random.nextInt(random.nextInt(10) == 0 ? 4 : 1);
            for (int c = 0; c < changeSets; c++) {
                body.append(c == 0 ? "" : ",").append(validChangeSet(random, ids));
            }
            return body.append("]}").toString();
        }

        private static String validChangeSet(Random random, List<String> ids) {
            StringBuilder changeSet = new StringBuilder("{");
            if (random.nextInt(8) != 0) {
                String id = new UUID(random.nextLong(), random.nextLong()).toString();
                ids.add(id);
                changeSet.append("\"ChangesetId\":\"").append(id).append("\",");
            }
            changeSet.append("\"UpdatedEntities\":[");
            int groups = 1 + random.nextInt(3);
            for (int g = 0; g < groups; g++) {
                String type = new String[] {"Customer", "Product", "PriceGroup", "Outlet", "Brand", "Order", "Voucher"}[random.nextInt(7)];
                changeSet.append(g == 0 ? "" : ",").append("{\"Type\":\"").append(type).append("\",\"List\":[");
                int entities = 1 + random.nextInt(5);
                for (int e = 0; e < entities; e++) {
                    changeSet.append(e == 0 ? "" : ",");
                    if (type.equals("Order")) {
                        changeSet.append("\"").append(1 + random.nextInt(99)).append("-").append(String.format("%08d", random.nextInt(1_000_000))).append("\"");
                    } else {
                        changeSet.append(1 + random.nextInt(2_000_000_000));
                    }
                }
                changeSet.append("]}");
            }
            return changeSet.append("]}").toString();
        }

        private static byte[] mutateBytes(Random random, byte[] valid) {
            List<Byte> bytes = new ArrayList<>();
            for (byte b : valid) {
                bytes.add(b);
            }
            int mutations = 1 + random.nextInt(5);
            for (int m = 0; m < mutations && !bytes.isEmpty(); m++) {
                int at = random.nextInt(bytes.size());
                switch (random.nextInt(4)) {
                    case 0 -> bytes.set(at, (byte) random.nextInt(256));
                    case 1 -> bytes.remove(at);
                    case 2 -> bytes.add(at, JSON_BYTES[random.nextInt(JSON_BYTES.length)]);
                    default -> bytes.set(at, (byte) (bytes.get(at) ^ (1 << random.nextInt(8))));
                }
            }
            byte[] result = new byte[bytes.size()];
            for (int i = 0; i < result.length; i++) {
                result[i] = bytes.get(i);
            }
            return result;
        }

        /** A body with the right shape, but one part of wrong type, size or content. */
        private static String structural(Random random, List<String> ids) {
            String odd = ODD_VALUES[random.nextInt(ODD_VALUES.length)];
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            ids.add(id);
            String type = TYPES[random.nextInt(TYPES.length)];
            return switch (random.nextInt(11)) {
                case 0 -> odd;
                case 1 -> "{\"Changesets\":" + odd + "}";
                case 2 -> "{\"Changesets\":[" + odd + "]}";
                case 3 -> "{\"Changesets\":[{\"ChangesetId\":" + odd + ",\"UpdatedEntities\":[{\"Type\":\"Customer\",\"List\":[1]}]}]}";
                case 4 -> "{\"Changesets\":[{\"ChangesetId\":\"" + id + "\",\"UpdatedEntities\":" + odd + "}]}";
                case 5 -> "{\"Changesets\":[{\"ChangesetId\":\"" + id + "\",\"UpdatedEntities\":[{\"Type\":" + odd + ",\"List\":[1]}]}]}";
                case 6 -> "{\"Changesets\":[{\"ChangesetId\":\"" + id + "\",\"UpdatedEntities\":[{\"Type\":\"" + escape(type) + "\",\"List\":["
                        + odd + "]}]}]}";
                case 7 -> "{\"Changesets\":[{\"ChangesetId\":\"" + id + "\",\"UpdatedEntities\":[{\"Type\":\"" + escape(type) + "\",\"List\":"
                        + odd + "}]}]}";
                case 8 -> { // more entities than allowed
                    StringBuilder list = new StringBuilder();
                    for (int i = 1; i <= MAX_ENTITIES + 1 + random.nextInt(50); i++) {
                        list.append(i == 1 ? "" : ",").append(i);
                    }
                    yield "{\"Changesets\":[{\"ChangesetId\":\"" + id + "\",\"UpdatedEntities\":[{\"Type\":\"Customer\",\"List\":[" + list + "]}]}]}";
                }
                case 9 -> "{\"Changesets\":[{\"ChangesetId\":\"" + id + "\",\"ChangesetId\":\"" + id + "\",\"UpdatedEntities\":[]}]}";
                default -> "{\"Changesets\":[{\"ChangesetId\":\"" + escape(randomUnicode(random, 1 + random.nextInt(80)))
                        + "\",\"UpdatedEntities\":[{\"Type\":\"" + escape(randomUnicode(random, 1 + random.nextInt(80))) + "\",\"List\":[1]}]}],\""
                        + escape(randomUnicode(random, 5)) + "\":" + odd + "}";
            };
        }

        private static String oddQuery(Random random, String clientId) {
            String[] clients = {clientId, "", UUID.randomUUID().toString(), "not-a-uuid", clientId.toUpperCase(), clientId + clientId,
                    "%00", "%E2%98%83", "00000000-0000-0000-0000-000000000000"};
            String[] channels = {"1", "2", "", "0", "-1", "99999999999999999999", "1.0", "one", "%20", "1e3", "3"};
            StringBuilder query = new StringBuilder();
            if (random.nextInt(5) != 0) {
                query.append("client_id=").append(clients[random.nextInt(clients.length)]);
            }
            if (random.nextInt(5) != 0) {
                query.append("&channel_id=").append(channels[random.nextInt(channels.length)]);
            }
            if (random.nextBoolean()) {
                query.append("&channel_id=").append(channels[random.nextInt(channels.length)]);
            }
            if (random.nextBoolean()) {
                query.append("&").append(URLEncoder.encode(randomUnicode(random, 6), StandardCharsets.UTF_8)).append("=")
                        .append(URLEncoder.encode(randomUnicode(random, 6), StandardCharsets.UTF_8));
            }
            return query.toString();
        }

        private static String oddListQuery(Random random) {
            String[] names = {"status", "from", "to", "page", "size", "x"};
            StringBuilder query = new StringBuilder();
            int parameters = random.nextInt(5);
            for (int p = 0; p < parameters; p++) {
                String value = random.nextBoolean() ? ODD_VALUES[random.nextInt(ODD_VALUES.length)]
                        : new String[] {"OPEN", "acknowledged", "2026-05-01T00:00:00Z", "2026-05-01T00:00:00+25:00", "50", "200"}[random.nextInt(6)];
                query.append(p == 0 ? "" : "&").append(names[random.nextInt(names.length)]).append("=")
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
            return query.toString();
        }

        private static String randomAscii(Random random, int length) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                text.append((char) (0x21 + random.nextInt(0x5e)));
            }
            return text.toString();
        }

        private static String randomUnicode(Random random, int length) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                int codePoint = switch (random.nextInt(4)) {
                    case 0 -> 0x20 + random.nextInt(0x5f);
                    case 1 -> random.nextInt(0x20);
                    case 2 -> 0x80 + random.nextInt(0x2000);
                    default -> 0x1F300 + random.nextInt(0x300);
                };
                text.appendCodePoint(codePoint);
            }
            return text.toString();
        }

        private static String escape(String text) {
            StringBuilder escaped = new StringBuilder();
            text.codePoints().forEach(c -> {
                if (c == '"' || c == '\\') {
                    escaped.append('\\').append((char) c);
                } else if (c < 0x20) {
                    escaped.append(String.format("\\u%04x", c));
                } else {
                    escaped.appendCodePoint(c);
                }
            });
            return escaped.toString();
        }
    }
}
