package com.skylinksync.gateway.health;

import com.skylinksync.gateway.GatewayProperties;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Kafka as the readiness probe sees it ({@code kafka} in the health groups): the cluster answers a metadata request
 * within the timeout and has at least one broker. A gateway that cannot reach Kafka still registers change sets (the
 * outbox keeps them) but cannot publish them, so it should not be taking new traffic while another replica can.
 */
@Component("kafka")
class KafkaHealthIndicator implements ReactiveHealthIndicator, DisposableBean {

    private final Admin admin;
    private final Duration timeout;

    KafkaHealthIndicator(KafkaAdmin kafkaAdmin, GatewayProperties properties) {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        int millis = (int) properties.healthTimeout().toMillis();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "eds-gateway-health");
        this.admin = Admin.create(config); // one client for the bean's life: a probe must not open connections anew
        this.timeout = properties.healthTimeout();
    }

    @Override
    public Mono<Health> health() {
        return Mono.fromCallable(() -> {
                    var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
                    String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    int brokers = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
                    Health.Builder health = brokers > 0 ? Health.up() : Health.down();
                    return health.withDetail("clusterId", clusterId).withDetail("brokers", brokers).build();
                })
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(timeout.plusMillis(500))
                // The reason, not the exception: health output is visible to whoever can reach the actuator.
                .onErrorResume(e -> Mono.just(Health.down().withDetail("reason", "Kafka did not answer within " + timeout).build()));
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(1));
    }
}
