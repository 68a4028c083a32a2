package dev.keyport.bench;

/**
 * When each request of an open-loop segment is due: request {@code i} (from 0) at {@code start + i / rate}, whatever
 * the server did with the ones before. Latency is counted from that due time, not from when the request could be
 * sent, so a server that stalls is charged for every request that waited on it (no coordinated omission).
 */
final class OpenLoopSchedule {

    private final long startNanos;
    private final double nanosPerRequest;
    private final long total;

    /**
     * @param startNanos the due time of request 0, on {@link System#nanoTime()}'s scale
     * @param perSecond  the rate, requests per second
     * @param total      how many requests the segment has
     */
    OpenLoopSchedule(long startNanos, double perSecond, long total) {
        if (perSecond <= 0 || total < 0) {
            throw new IllegalArgumentException("rate " + perSecond + ", total " + total);
        }
        this.startNanos = startNanos;
        this.nanosPerRequest = 1e9 / perSecond;
        this.total = total;
    }

    long total() {
        return total;
    }

    long startNanos() {
        return startNanos;
    }

    /** The due time of request {@code i}. */
    long dueNanos(long i) {
        if (i < 0 || i >= total) {
            throw new IndexOutOfBoundsException("request " + i + " of " + total);
        }
        return startNanos + Math.round(i * nanosPerRequest);
    }

    /** How many requests are due at or before {@code nowNanos} (requests 0 … n-1). */
    long dueBy(long nowNanos) {
        if (nowNanos < startNanos) {
            return 0;
        }
        long n = (long) Math.floor((nowNanos - startNanos) / nanosPerRequest) + 1;
        // floor may land one off where i * nanosPerRequest was rounded: settle on dueNanos itself
        while (n > 0 && n <= total && dueNanos(n - 1) > nowNanos) {
            n--;
        }
        while (n < total && dueNanos(n) <= nowNanos) {
            n++;
        }
        return Math.min(n, total);
    }

    /** The latency of request {@code i} answered at {@code answeredNanos}: from when it was due. */
    long latencyNanos(long i, long answeredNanos) {
        return answeredNanos - dueNanos(i);
    }

    /** The due time of the last request: the schedule's length. */
    long endNanos() {
        return total == 0 ? startNanos : dueNanos(total - 1);
    }
}
