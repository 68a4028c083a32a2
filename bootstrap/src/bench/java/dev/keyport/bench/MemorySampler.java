package dev.keyport.bench;

import java.util.OptionalLong;

/**
 * Samples the resident memory (VmRSS) of one process every {@link #PERIOD_MILLIS} ms on a daemon thread: the last
 * sample, the largest since the start, and the largest since the last {@link #resetWindow()}.
 */
final class MemorySampler implements AutoCloseable {

    static final long PERIOD_MILLIS = 250;

    private final long pid;
    private final Thread thread;
    private volatile boolean closed;
    private volatile long last = -1;
    private volatile long max = -1;
    private volatile long windowMax = -1;

    MemorySampler(long pid) {
        this.pid = pid;
        sample();
        this.thread = new Thread(this::run, "rss-" + pid);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        while (!closed) {
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            sample();
        }
    }

    private synchronized void sample() {
        OptionalLong rss = ProcFs.statusBytes(pid, "VmRSS");
        if (rss.isPresent()) {
            last = rss.getAsLong();
            max = Math.max(max, last);
            windowMax = Math.max(windowMax, last);
        }
    }

    /** Takes a sample now and returns it (bytes; -1 when the process is gone). */
    long now() {
        sample();
        return last;
    }

    long max() {
        return max;
    }

    synchronized long windowMax() {
        return windowMax;
    }

    synchronized void resetWindow() {
        windowMax = last;
    }

    /** VmHWM: the process's own peak of resident memory, in bytes (-1 when gone). */
    long highWaterMark() {
        return ProcFs.statusBytes(pid, "VmHWM").orElse(-1);
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
