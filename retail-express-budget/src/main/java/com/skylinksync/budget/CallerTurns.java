package com.skylinksync.budget;

import com.skylinksync.connector.WorkPriority.Level;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Whose turn it is to wait for the next permit. One caller at a time holds the turn (so permits are taken in order,
 * and a closing budget can wait for the one in flight); the next turn goes to the first real-time caller waiting, and
 * only when none waits to the first backlog caller. A backlog caller holding the turn gives it up as soon as a
 * real-time caller arrives ({@link #outranked}, {@link #pass}), staying first of the backlog, so real-time work gets
 * the next permit however long the backlog queue is.
 */
final class CallerTurns {

    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<Turn> realTime = new ArrayDeque<>();
    private final Deque<Turn> backlog = new ArrayDeque<>();
    private Turn holder;

    /** One caller's place in the queue. */
    final class Turn {
        private final Level level;
        private final Thread caller = Thread.currentThread();
        private final Condition yours = lock.newCondition();

        private Turn(Level level) {
            this.level = level;
        }
    }

    /** Queues the calling thread at {@code level}, last of its level. */
    Turn join(Level level) {
        lock.lock();
        try {
            Turn turn = new Turn(level);
            queueOf(level).addLast(turn);
            if (level == Level.REAL_TIME && holder != null && holder.level == Level.BACKLOG) {
                LockSupport.unpark(holder.caller); // wakes it to pass the turn now, not at its next poll
            }
            signalNext();
            return turn;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until {@code turn} holds the turn; false if {@code deadlineNanos} (System.nanoTime) passes first. */
    boolean await(Turn turn, long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            while (holder != turn) {
                if (holder == null && next() == turn) {
                    holder = turn;
                    return true;
                }
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                turn.yours.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** True while {@code turn} is a backlog caller's and a real-time caller waits. */
    boolean outranked(Turn turn) {
        lock.lock();
        try {
            return turn.level == Level.BACKLOG && !realTime.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Gives the turn to whoever is next, staying in the queue (first of its level). */
    void pass(Turn turn) {
        lock.lock();
        try {
            if (holder == turn) {
                holder = null;
                signalNext();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Leaves the queue, with or without a permit, and gives the turn on if it held it. */
    void leave(Turn turn) {
        lock.lock();
        try {
            queueOf(turn.level).remove(turn);
            if (holder == turn) {
                holder = null;
            }
            signalNext();
        } finally {
            lock.unlock();
        }
    }

    /** Callers waiting for a permit, the one holding the turn included. */
    int waiting() {
        lock.lock();
        try {
            return realTime.size() + backlog.size();
        } finally {
            lock.unlock();
        }
    }

    private Deque<Turn> queueOf(Level level) {
        return level == Level.REAL_TIME ? realTime : backlog;
    }

    private Turn next() {
        return realTime.isEmpty() ? backlog.peekFirst() : realTime.peekFirst();
    }

    private void signalNext() {
        Turn next = holder == null ? next() : null;
        if (next != null) {
            next.yours.signal();
        }
    }
}
