package org.sapere.jobs.domain;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Wakes this instance's idle workers when a job is enqueued here, so they need not wait for their next poll. */
@Component
public class JobSignal {

    private long generation;

    /** Wakes the workers now, or, inside a transaction, once it commits (never if it rolls back). */
    public void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    public synchronized void wake() {
        generation++;
        notifyAll();
    }

    /** A mark to give {@link #await}: taken before looking for work, so that a wake-up meanwhile is not missed. */
    synchronized long mark() {
        return generation;
    }

    /** Waits until a wake-up after {@code mark}, or until the timeout. */
    synchronized void await(long mark, Duration timeout) throws InterruptedException {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (generation == mark) {
            var left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
