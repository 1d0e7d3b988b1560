package com.skylinksync.budget;

import com.skylinksync.schemas.avro.BudgetReport;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link ParticipantReport} as the {@link BudgetReport} event on the budget topic, and back. */
final class BudgetReportCodec {

    private static final Logger LOG = LoggerFactory.getLogger(BudgetReportCodec.class);

    private final String service;
    private final long periodMillis;

    /** Reports of {@code service}'s participants, who divide the budget in periods of {@code periodMillis}. */
    BudgetReportCodec(String service, long periodMillis) {
        this.service = service;
        this.periodMillis = periodMillis;
    }

    BudgetReport encode(ParticipantReport report) {
        return BudgetReport.newBuilder()
                .setParticipantId(report.participantId()).setService(service).setSlot(report.slot())
                .setPeriodMillis(periodMillis).setPublishedAt(Instant.ofEpochMilli(report.publishedAt()))
                .setWaiting(report.waiting()).setStarved(report.starved()).setUsed(report.used())
                .setSpentMinute(report.spentMinute()).setRecentUsed(report.recentUsed())
                .setSpentHour(report.spentHour()).setSpentDay(report.spentDay())
                .setGrantSecond(report.nextGrants().perSecond()).setGrantMinute(report.nextGrants().minute())
                .setGrantHour(report.nextGrants().hour()).setGrantDay(report.nextGrants().day())
                .setThrottledAt(report.throttledAt())
                .setLeaving(report.leaving()).build();
    }

    /** Decodes any participant's report; one that divides in other periods is still read, and loudly reported. */
    ParticipantReport decode(BudgetReport event) {
        if (event.getPeriodMillis() != periodMillis) {
            LOG.error("Participant {} divides the RE budget in periods of {} ms, this one in {} ms: shares cannot agree",
                    event.getParticipantId(), event.getPeriodMillis(), periodMillis);
        }
        return new ParticipantReport(event.getParticipantId(), event.getSlot(),
                event.getPublishedAt().toEpochMilli(), event.getWaiting(), event.getStarved(), event.getUsed(),
                event.getSpentMinute(), event.getRecentUsed(), event.getSpentHour(), event.getSpentDay(),
                new Grants(event.getGrantSecond(), event.getGrantMinute(), event.getGrantHour(), event.getGrantDay()),
                event.getThrottledAt(), event.getLeaving());
    }
}
