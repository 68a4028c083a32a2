package dev.keyport.domain;

import java.time.Duration;

/** The inclusive range of days a key may wait in PendingDelete before it is purged. */
public record DeletionWindow(int minDays, int maxDays) {

    public DeletionWindow {
        if (minDays < 1 || maxDays < minDays) {
            throw new IllegalArgumentException("deletion window must satisfy 1 <= min <= max");
        }
    }

    public Duration pendingPeriod(int days) {
        if (days < minDays || days > maxDays) {
            throw new InvalidValueException(DomainErrorCode.INVALID_DELETION_WINDOW, "pending window",
                    "must be between " + minDays + " and " + maxDays + " days");
        }
        return Duration.ofDays(days);
    }
}
