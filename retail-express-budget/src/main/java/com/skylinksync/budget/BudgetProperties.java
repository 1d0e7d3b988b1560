package com.skylinksync.budget;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code skylink.retail-express.budget.*}: the shared RE API budget of a Spring Boot service. With {@code enabled=true}
 * an {@link ApiBudget} becomes the {@code CallPermits} of the service's {@code RetailExpressTransport}
 * (see {@link ApiBudgetAutoConfiguration}), serving real-time callers before backlog callers. Every replica of every
 * service must use the same limits and period.
 *
 * @param enabled          join the shared budget; default false (then calls are not budgeted)
 * @param bootstrapServers Kafka to coordinate through, if not the service's own: this wins over
 *                         {@code spring.kafka.producer/consumer.bootstrap-servers}, which win over
 *                         {@code spring.kafka.bootstrap-servers}. Every other Kafka setting of the budget's clients
 *                         (client id, security, SASL, TLS, {@code spring.kafka.properties.*}) is the service's
 *                         {@code spring.kafka.*} in any case
 * @param topic            the compacted budget topic; default {@code skylink.re.budget} (created if missing)
 * @param service          this service's name in the reports; default {@code spring.application.name}
 * @param perSecond        cluster-wide calls in any second; default 25 (RE's limit)
 * @param perMinute        cluster-wide calls in any minute; default 1200
 * @param perHour          cluster-wide calls in any hour; default 30000
 * @param perDay           cluster-wide calls in any day; default 150000
 * @param period           how often shares are re-divided; must divide a minute; default 2s
 * @param silentPeriods    periods of silence after which a participant is dead; default 3
 * @param floorPerPeriod   calls per period offered to an idle participant; default 1
 * @param throttleFactor   pace multiplier after an RE throttle fault; default 0.5
 * @param throttleCooldown how long the reduced pace holds (it then recovers over as long again); default 30s
 * @param maxWait          how long a call waits for a permit before failing as throttled; default 30s
 */
@ConfigurationProperties("skylink.retail-express.budget")
public record BudgetProperties(@DefaultValue("false") boolean enabled, String bootstrapServers,
                               @DefaultValue("skylink.re.budget") String topic, String service,
                               @DefaultValue("25") int perSecond, @DefaultValue("1200") int perMinute,
                               @DefaultValue("30000") int perHour, @DefaultValue("150000") int perDay,
                               @DefaultValue("2s") Duration period, @DefaultValue("3") int silentPeriods,
                               @DefaultValue("1") int floorPerPeriod, @DefaultValue("0.5") double throttleFactor,
                               @DefaultValue("30s") Duration throttleCooldown, @DefaultValue("30s") Duration maxWait) {

    public BudgetSettings toSettings() {
        return new BudgetSettings(new BudgetLimits(perSecond, perMinute, perHour, perDay), period, silentPeriods,
                floorPerPeriod, throttleFactor, throttleCooldown, maxWait);
    }
}
