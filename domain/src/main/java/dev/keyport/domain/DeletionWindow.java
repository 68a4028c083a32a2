package dev.keyport.domain;

import java.time.Duration;

/** The inclusive range of days a key may wait in PendingDelete before it is purged. */
public record DeletionWindow(int minDays, int maxDays) {

    public DeletionWindow {
        if (minDays < 1 || maxDays < minDays) {
            throw new IllegalArgumentException("deletion window must satisfy 1 <= min <= max");
        }
    }

    public boolean contains(int days) {
        return days >= minDays && days <= maxDays;
    }

    public Duration pendingPeriod(int days) {
        if (!contains(days)) {
            throw new IllegalArgumentException(days + " days is outside " + this);
        }
        return Duration.ofDays(days);
    }
}
