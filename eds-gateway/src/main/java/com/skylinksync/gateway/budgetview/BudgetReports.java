package com.skylinksync.gateway.budgetview;

import com.skylinksync.budget.BudgetProperties;
import com.skylinksync.gateway.kafka.OperatorViewProperties;
import com.skylinksync.gateway.kafka.TopicFollower;
import com.skylinksync.gateway.kafka.TopicReader;
import com.skylinksync.schemas.AvroEventDeserializer;
import com.skylinksync.schemas.avro.BudgetReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The shared Retail Express budget as every participant reports it on the compacted {@code skylink.re.budget} topic:
 * each window's limit and what the live participants spent of it, and each participant's share (its grants).
 * Each participant's latest report is kept as the topic is followed ({@link TopicFollower}), not re-read per request.
 * Blocking (a read first catches up with the topic's end): call it on a thread that may block.
 */
@Component
class BudgetReports implements AutoCloseable {

    private final BudgetProperties budget;
    private final AvroEventDeserializer events = new AvroEventDeserializer();
    private final Map<String, BudgetReport> latest = new LinkedHashMap<>();
    private final TopicFollower follower;

    BudgetReports(TopicReader reader, Environment environment, OperatorViewProperties views) {
        this.budget = Binder.get(environment).bindOrCreate("skylink.retail-express.budget", BudgetProperties.class);
        this.follower = new TopicFollower("budget", reader.consumerConfig(), budget.topic()::equals, record -> {
            if (record.value() != null && events.deserialize(record.topic(), record.value()) instanceof BudgetReport report) {
                synchronized (latest) {
                    latest.merge(report.getParticipantId(), report, (a, b) -> b.getPublishedAt().isAfter(a.getPublishedAt()) ? b : a);
                }
            }
        }, views.topicRefresh());
    }

    @Override
    public void close() {
        follower.close();
    }

    record Window(String window, long limit, long spent, double grantedNext) {
    }

    record Participant(String participantId, String service, Instant reportedAt, boolean live, int waiting, long spentMinute,
                       long spentHour, long spentDay, double grantSecond, int grantMinute, int grantHour, int grantDay, Instant throttledAt) {
    }

    record Budget(List<Window> windows, List<Participant> participants) {
    }

    Budget read() {
        follower.catchUp(Duration.ofSeconds(5));
        List<BudgetReport> reports;
        synchronized (latest) {
            reports = List.copyOf(latest.values());
        }
        Instant now = Instant.now();
        Instant silentSince = now.minus(budget.period().multipliedBy(budget.silentPeriods()));
        List<Participant> participants = new ArrayList<>();
        for (BudgetReport r : reports) {
            boolean live = !r.getLeaving() && r.getPublishedAt().isAfter(silentSince);
            participants.add(new Participant(r.getParticipantId(), r.getService(), r.getPublishedAt(), live, r.getWaiting(),
                    r.getSpentMinute(), r.getSpentHour(), r.getSpentDay(), r.getGrantSecond(), r.getGrantMinute(), r.getGrantHour(),
                    r.getGrantDay(), r.getThrottledAt() == 0 ? null : Instant.ofEpochMilli(r.getThrottledAt())));
        }
        participants.sort(Comparator.comparing(Participant::live).reversed().thenComparing(Participant::participantId));
        List<Participant> live = participants.stream().filter(Participant::live).toList();
        List<Window> windows = List.of(
                new Window("second", budget.perSecond(), 0, live.stream().mapToDouble(Participant::grantSecond).sum()),
                new Window("minute", budget.perMinute(), live.stream().mapToLong(Participant::spentMinute).sum(),
                        live.stream().mapToLong(Participant::grantMinute).sum()),
                new Window("hour", budget.perHour(), live.stream().mapToLong(Participant::spentHour).sum(),
                        live.stream().mapToLong(Participant::grantHour).sum()),
                new Window("day", budget.perDay(), live.stream().mapToLong(Participant::spentDay).sum(),
                        live.stream().mapToLong(Participant::grantDay).sum()));
        return new Budget(windows, participants);
    }
}
