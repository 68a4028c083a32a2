package dev.keyport.adapter.tencent;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The TC3 signatures this server accepted while they can still be presented, each with a fingerprint of what the
 * signature does not cover but what decides the request: {@code X-TC-Action}, {@code X-TC-Region},
 * {@code X-TC-Version}, the {@code Host} as received (a signature may leave out the port, see
 * {@link TencentAuthenticator}), and the hash of the body (unsigned when the client sends
 * {@code X-TC-Content-SHA256: UNSIGNED-PAYLOAD}).
 * Tencent's SDKs sign only {@code content-type;host}, so without this memory a DescribeKey captured on the wire
 * could be sent again within its five minutes as DisableKey.
 *
 * <p>An identical retry has the same fingerprint and stays accepted. An honest client can itself send one signature
 * with two fingerprints: the SDKs sign the body, the host and the timestamp in seconds, so DescribeKey and DisableKey
 * of the same key sent in the same second carry the same signature. Those requests arrive together, so a signature
 * takes another fingerprint within {@link #DEFAULT_GRACE} of its first arrival (up to {@value #MAX_READINGS}), and
 * never after: a replay with other routing headers is refused unless it races the original by less than that.
 *
 * <p>A signature is remembered until its timestamp is more than {@link TencentAuthenticator#MAX_SKEW_SECONDS} in the
 * past, when the timestamp check refuses it anyway. Memory is bounded: at most {@code capacity} signatures (about 250
 * bytes each); when it is full the signature accepted longest ago is forgotten first, so under a load above
 * {@code capacity} signatures per ten minutes the oldest lose their protection before their window closes (a replay
 * of one of those with other routing headers would be accepted). The memory is this process's: servers sharing a
 * database do not share it.
 */
final class SignatureMemory {

    /** Ten minutes at 166 requests a second. */
    static final int DEFAULT_CAPACITY = 100_000;
    /** How long after its first arrival a signature may still arrive with other routing headers. */
    static final Duration DEFAULT_GRACE = Duration.ofSeconds(2);
    /**
     * The most readings (fingerprints) one signature may have: room for a client that lists every region's keys,
     * or calls every action with an empty body, in one second.
     */
    static final int MAX_READINGS = 64;

    private final int capacity;
    private final long graceNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> accepted = new LinkedHashMap<>();

    private static final class Entry {
        final List<byte[]> fingerprints = new ArrayList<>(1);
        final long firstSeen;
        final long expiresAt;

        Entry(byte[] fingerprint, long firstSeen, long expiresAt) {
            this.fingerprints.add(fingerprint.clone());
            this.firstSeen = firstSeen;
            this.expiresAt = expiresAt;
        }

        boolean has(byte[] fingerprint) {
            return fingerprints.stream().anyMatch(f -> MessageDigest.isEqual(f, fingerprint));
        }
    }

    SignatureMemory(int capacity) {
        this(capacity, DEFAULT_GRACE, System::nanoTime);
    }

    /** @param nanoTime a monotonic time in nanoseconds, such as {@code System::nanoTime} */
    SignatureMemory(int capacity, Duration grace, LongSupplier nanoTime) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the signature memory holds at least one signature");
        }
        this.capacity = capacity;
        this.graceNanos = grace.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * Remembers that {@code signature} was accepted with {@code fingerprint}, until {@code expiresAt} (epoch
     * seconds; {@code now} is the same clock).
     *
     * @return false when the signature was accepted before with another fingerprint, longer ago than the grace
     */
    synchronized boolean remember(String signature, byte[] fingerprint, long expiresAt, long now) {
        forgetExpired(now);
        long arrived = nanoTime.getAsLong();
        Entry seen = accepted.get(signature);
        if (seen == null || seen.expiresAt <= now) {
            accepted.remove(signature); // an expired entry not yet forgotten: the new one goes to the end
            accepted.put(signature, new Entry(fingerprint, arrived, expiresAt));
            if (accepted.size() > capacity) {
                Iterator<Map.Entry<String, Entry>> oldest = accepted.entrySet().iterator();
                oldest.next();
                oldest.remove();
            }
            return true;
        }
        if (seen.has(fingerprint)) {
            return true;
        }
        if (arrived - seen.firstSeen <= graceNanos && seen.fingerprints.size() < MAX_READINGS) {
            seen.fingerprints.add(fingerprint.clone());
            return true;
        }
        return false;
    }

    synchronized int size() {
        return accepted.size();
    }

    /** Entries are in the order they were accepted, which is close to the order they expire in. */
    private void forgetExpired(long now) {
        Iterator<Map.Entry<String, Entry>> it = accepted.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue().expiresAt > now) {
                return;
            }
            it.remove();
        }
    }
}
