package id.berdaya.registry.lookup;

import id.berdaya.registry.RegistryAction;
import id.berdaya.registry.RegistryEntity;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEntry;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditFilter;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.audit.AuditService;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.core.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * NIKs found registered in another district than the user's (by the import preview or the
 * registration form). The user is told only "already registered; contact the provincial office",
 * never the district. Every such match is audited in the user's own district with a keyed hash
 * of the NIK (HMAC-SHA256 with a key kept in the database, never the NIK, never the other
 * district), and counted per user and day (WIB): the same NIK twice counts once. Past
 * {@code berdaya.registry.foreign-nik-daily-limit} distinct matches (default 20) the lookup is
 * refused, an alert event is written for the province administrators, and the user's previews
 * and NIK checks are refused for the rest of the day (so that a refusal cannot itself answer
 * whether a NIK is registered).
 *
 * <p>The counting and its audit commit on their own ({@code REQUIRES_NEW}): a refused preview or
 * registration rolls back, its lookups stay counted.
 */
@Service
@Transactional
public class ForeignNikService {

    /** Where a lookup came from (named in the audit event; the field a refusal is shown beside). */
    public enum Via {
        IMPORT("file"), FORM("nik");

        private final String field;

        Via(String field) {
            this.field = field;
        }
    }

    private final NikLookupRepository repository;
    private final AuditLog audit;
    private final AuditService trail;
    private final Clock clock;
    private final int dailyLimit;
    private volatile byte[] key;

    ForeignNikService(NikLookupRepository repository, AuditLog audit, AuditService trail, Clock clock,
                      @Value("${berdaya.registry.foreign-nik-daily-limit:20}") int dailyLimit) {
        if (dailyLimit < 0) {
            throw new IllegalArgumentException("berdaya.registry.foreign-nik-daily-limit must be >= 0");
        }
        this.repository = repository;
        this.audit = audit;
        this.trail = trail;
        this.clock = clock;
        this.dailyLimit = dailyLimit;
    }

    /** Refuses (and alerts) when the current user is past today's limit; otherwise does nothing. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = RuleViolation.class)
    public void requireWithinLimit(Via via) {
        BerdayaUser me = CurrentUser.require();
        if (repository.matches(me.getUsername(), today()) > dailyLimit) {
            throw refused(me, via);
        }
    }

    /**
     * Audits and counts NIKs that are registered in another district. Refuses (and alerts) when
     * they take the current user past today's limit: the caller then shows nothing about them.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = RuleViolation.class)
    public void foundElsewhere(Collection<String> niks, Via via) {
        BerdayaUser me = CurrentUser.require();
        LocalDate day = today();
        List<String> hashes = new ArrayList<>(niks.size());
        for (String nik : niks) {
            String h = digest(nik);
            hashes.add(h);
            audit.record(AuditEvent.of(RegistryAction.NIK_FOUND_ELSEWHERE).entity(RegistryEntity.BENEFICIARY, null)
                    .district(me.kabkotaCode()).after(Map.of("nikHash", h, "via", via.name())));
        }
        int matches = repository.lockDay(me.getUsername(), day);
        if (matches > dailyLimit) {
            throw refused(me, via);
        }
        Set<String> fresh = new LinkedHashSet<>(hashes);
        fresh.removeAll(repository.known(me.getUsername(), day, fresh));
        if (matches + fresh.size() > dailyLimit) {
            repository.count(me.getUsername(), day, Set.of(), dailyLimit + 1); // past the limit: refused for the rest of the day
            throw refused(me, via);
        }
        repository.count(me.getUsername(), day, fresh, matches + fresh.size());
    }

    /** Whether the current user is shown the alerts (province administrators). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(propagation = Propagation.SUPPORTS)
    public boolean seesAlerts() {
        return CurrentUser.require().role() == Role.PROVINCE_ADMIN;
    }

    /** The newest alerts: users who went past the daily limit, newest first. */
    @PreAuthorize("hasRole('PROVINCE_ADMIN')")
    @Transactional(readOnly = true)
    public List<AuditEntry> alerts(int limit) {
        return trail.page(new AuditFilter(null, RegistryAction.FOREIGN_NIK_LIMIT_REACHED.code(), null, null, null), 0,
                Math.min(Math.max(limit, 1), 50));
    }

    /**
     * How a NIK appears in the audit trail (the first 32 hex digits of its HMAC-SHA256), so that a
     * province administrator can look for the lookups of a known NIK.
     */
    @PreAuthorize("hasRole('PROVINCE_ADMIN')")
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public String hash(String nik) {
        return digest(nik);
    }

    private String digest(String nik) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(nik.trim().getBytes(StandardCharsets.US_ASCII)), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private RuleViolation refused(BerdayaUser me, Via via) {
        audit.record(AuditEvent.of(RegistryAction.FOREIGN_NIK_LIMIT_REACHED).entity(RegistryEntity.BENEFICIARY, null)
                .district(me.kabkotaCode()).after(Map.of("limit", dailyLimit, "via", via.name())));
        return new RuleViolation(via.field, "registry.nik.foreignLimit", dailyLimit);
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            k = repository.hashKey();
            key = k;
        }
        return k;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(IndonesianFormat.WIB));
    }
}
