package id.berdaya.core.user;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Failure counters that live in memory: per client address, overall, and per unknown user name
 * (by hash). Berdaya runs as one instance, so one process sees every try; a restart clears the
 * counters, which only an operator can cause. Checking and counting is one step under one lock
 * (microseconds of work), so parallel tries cannot pass a limit; the map holds only buckets that
 * counted a try in their window, and is swept of expired ones as it goes.
 */
final class FailureBuckets {

    /** A counter's kind ({@code address}, {@code global}, {@code account}), its name and the limit it counts against. */
    record Key(String kind, String name, LoginLimits.Limit limit) {
    }

    /** Which kind of limit refused a try, and until when. */
    record Refusal(String kind, Instant until) {
    }

    private static final class Bucket {
        Instant windowEnd;
        int count;
        Instant lockedUntil;
    }

    private final Map<String, Bucket> buckets = new HashMap<>();
    private final Clock clock;
    private int sinceSweep;

    FailureBuckets(Clock clock) {
        this.clock = clock;
    }

    /**
     * Counts one try against every key, or against none: returns the first exhausted key's
     * refusal, or empty when the try was counted everywhere.
     */
    synchronized Optional<Refusal> reserve(List<Key> keys) {
        Instant now = clock.instant();
        sweep(now);
        for (Key k : keys) {
            Bucket b = buckets.get(k.name());
            if (b == null) {
                continue;
            }
            if (b.lockedUntil != null && b.lockedUntil.isAfter(now)) {
                return Optional.of(new Refusal(k.kind(), b.lockedUntil));
            }
            if (b.windowEnd != null && b.windowEnd.isAfter(now) && b.count >= k.limit().max()) {
                return Optional.of(new Refusal(k.kind(), b.windowEnd));
            }
        }
        for (Key k : keys) {
            Bucket b = buckets.computeIfAbsent(k.name(), n -> new Bucket());
            if (b.windowEnd == null || !b.windowEnd.isAfter(now)) {
                b.windowEnd = now.plus(k.limit().window());
                b.count = 0;
            }
            b.count++;
        }
        return Optional.empty();
    }

    /** The counted try failed: a key with a lock that has used up its tries is locked. */
    synchronized Optional<Instant> failed(List<Key> keys) {
        Instant now = clock.instant();
        Optional<Instant> locked = Optional.empty();
        for (Key k : keys) {
            Bucket b = buckets.get(k.name());
            if (b != null && !k.limit().lock().isZero() && b.count >= k.limit().max()) {
                b.lockedUntil = now.plus(k.limit().lock());
                b.count = 0;
                b.windowEnd = null;
                locked = Optional.of(b.lockedUntil);
            }
        }
        return locked;
    }

    /** The counted try was no failure (right password, or refused elsewhere): it no longer counts. */
    synchronized void release(List<Key> keys) {
        for (Key k : keys) {
            Bucket b = buckets.get(k.name());
            if (b != null && b.count > 0) {
                b.count--;
            }
        }
    }

    synchronized int size() {
        return buckets.size();
    }

    private void sweep(Instant now) {
        if (++sinceSweep < 1000 && buckets.size() < 10_000) {
            return;
        }
        sinceSweep = 0;
        buckets.values().removeIf(b -> (b.lockedUntil == null || !b.lockedUntil.isAfter(now))
                && (b.windowEnd == null || !b.windowEnd.isAfter(now)));
    }
}
