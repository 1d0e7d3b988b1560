package com.skylinksync.budget;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every participant's recent reports as read from the budget topic, and which of them a division of a period uses.
 * Thread-safe: the reader adds, the ticker selects and expires.
 */
final class ReportBook {

    private static final int REPORTS_KEPT = 6;

    private final Map<String, Deque<ParticipantReport>> reports = new ConcurrentHashMap<>();

    void add(ParticipantReport report) {
        Deque<ParticipantReport> history = reports.computeIfAbsent(report.participantId(), id -> new ArrayDeque<>());
        synchronized (history) {
            history.addLast(report);
            while (history.size() > REPORTS_KEPT) {
                history.removeFirst();
            }
        }
    }

    void remove(String participantId) {
        reports.remove(participantId);
    }

    /**
     * For the division of {@code slot}: each participant's newest report about slot {@code slot - 2} or earlier that
     * was published by {@code cutoff} (the latest any participant's division can count on every participant having).
     */
    List<ParticipantReport> selectFor(long slot, long cutoff) {
        List<ParticipantReport> selected = new ArrayList<>();
        for (Deque<ParticipantReport> history : reports.values()) {
            synchronized (history) {
                ParticipantReport best = null;
                for (ParticipantReport r : history) {
                    if (r.slot() <= slot - 2 && r.publishedAt() <= cutoff
                            && (best == null || r.slot() > best.slot()
                            || (r.slot() == best.slot() && r.publishedAt() > best.publishedAt()))) {
                        best = r;
                    }
                }
                if (best != null) {
                    selected.add(best);
                }
            }
        }
        return selected;
    }

    /** Forgets the participants whose newest report is about a slot before {@code horizon}; returns their ids. */
    List<String> expire(long horizon) {
        List<String> expired = new ArrayList<>();
        for (Map.Entry<String, Deque<ParticipantReport>> entry : reports.entrySet()) {
            ParticipantReport newest;
            synchronized (entry.getValue()) {
                newest = entry.getValue().peekLast();
            }
            if (newest != null && newest.slot() < horizon) {
                reports.remove(entry.getKey());
                expired.add(entry.getKey());
            }
        }
        return expired;
    }
}
