package id.berdaya.core.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits the public checks (a certificate's, a handover record's) per client address: at most
 * {@code perMinute} lookups in a minute (a fixed window, shared by all checks), so that codes
 * cannot be tried in bulk from one address. A page's {@link Visit} counts once, however many kinds
 * of record it looks its one code up in.
 */
@Component
public class PublicCheckLimiter {

    private record Window(long minute, int count) {
    }

    private static final int MAX_ADDRESSES = 100_000;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int perMinute;

    PublicCheckLimiter(Clock clock, @Value("${berdaya.verification.per-minute:30}") int perMinute) {
        this.clock = clock;
        this.perMinute = perMinute;
    }

    /**
     * One visit of a public check page, counted once against its client address when it begins:
     * the lookups of its one code (in the certificates, then in the handover records, and on the page
     * it is forwarded to) share that count. Only the limiter makes one, so nobody looks up uncounted.
     */
    public static final class Visit {
        private final String code;
        private final boolean allowed;

        private Visit(String code, boolean allowed) {
            this.code = code;
            this.allowed = allowed;
        }

        /** The code this visit looks up. */
        public String code() {
            return code;
        }

        /** Whether the address was within its limit when the visit began. */
        public boolean allowed() {
            return allowed;
        }
    }

    /** Begins a visit that looks up {@code code}: counts one lookup from this address. */
    public Visit visit(String address, String code) {
        return new Visit(code == null ? "" : code, allow(address));
    }

    /** Counts one lookup from this address; false when it is over the limit. */
    public boolean allow(String address) {
        long minute = clock.millis() / 60_000;
        if (windows.size() > MAX_ADDRESSES) {
            windows.entrySet().removeIf(e -> e.getValue().minute() < minute);
        }
        Window w = windows.compute(address == null ? "" : address,
                (k, old) -> old == null || old.minute() != minute ? new Window(minute, 1) : new Window(minute, old.count() + 1));
        return w.count() <= perMinute;
    }
}
