package id.berdaya.training.certificate;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.region.Kabkota;
import id.berdaya.core.region.RegionService;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.core.security.PublicCheckLimiter;
import id.berdaya.core.security.PublicCode;
import id.berdaya.training.TrainingAction;
import id.berdaya.training.TrainingEntity;
import id.berdaya.training.TrainingRoles;
import id.berdaya.training.attendance.ResultsComputed;
import id.berdaya.training.enrolment.Participant;
import id.berdaya.training.event.EventService;
import id.berdaya.training.event.TrainingEvent;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Certificates of completion: issued when an event is closed (numbered per kabupaten/kota and
 * year, e.g. {@code 001/PLT-3303/2026}, each with an unguessable code of 144 random bits), printed
 * as PDF one by one or all of an event at once, revoked with a reason by a provincial officer, and
 * checked publicly by their code, rate-limited per client address.
 */
@Service
@Transactional
public class CertificateService {

    private final CertificateRepository certificates;
    private final CertificateNumberRepository numbers;
    private final EventService events;
    private final RegionService regions;
    private final CertificatePdf pdf;
    private final PublicCheckLimiter limiter;
    private final AuditLog audit;
    private final Clock clock;

    CertificateService(CertificateRepository certificates, EventService events, RegionService regions, CertificatePdf pdf,
                       PublicCheckLimiter limiter, AuditLog audit, Clock clock, CertificateNumberRepository numbers) {
        this.numbers = numbers;
        this.certificates = certificates;
        this.events = events;
        this.regions = regions;
        this.pdf = pdf;
        this.limiter = limiter;
        this.audit = audit;
        this.clock = clock;
    }

    /** The certificates of an event, by number. */
    @PreAuthorize(TrainingRoles.STAFF)
    @Transactional(readOnly = true)
    public List<Certificate> ofEvent(long eventId) {
        events.get(eventId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        return certificates.ofEvent(eventId);
    }

    /** A participant's certificates, newest first (a revoked one stays, marked). */
    @PreAuthorize(TrainingRoles.STAFF)
    @Transactional(readOnly = true)
    public List<Certificate> ofParticipant(long participantId) {
        return certificates.ofParticipant(participantId);
    }

    /** One certificate as PDF; each print is audited. */
    @PreAuthorize(TrainingRoles.STAFF)
    public byte[] pdf(long certificateId) {
        Certificate c = certificates.find(certificateId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (!c.valid()) {
            throw new RuleViolation(null, "training.certificate.revoked");
        }
        audit.record(AuditEvent.of(TrainingAction.CERTIFICATES_PRINTED).entity(TrainingEntity.CERTIFICATE, certificateId)
                .district(c.kabkotaCode()).after(Map.of("number", c.number())));
        return pdf.render(List.of(c));
    }

    /** Every valid certificate of an event in one PDF, for printing; audited. */
    @PreAuthorize(TrainingRoles.STAFF)
    public byte[] eventPdf(long eventId) {
        TrainingEvent e = events.get(eventId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        List<Certificate> valid = certificates.ofEvent(eventId).stream().filter(Certificate::valid).toList();
        audit.record(AuditEvent.of(TrainingAction.CERTIFICATES_PRINTED).entity(TrainingEntity.TRAINING_EVENT, eventId)
                .district(e.kabkotaCode()).after(Map.of("certificates", valid.size())));
        return pdf.render(valid);
    }

    /** The address a certificate's QR code points to. */
    @PreAuthorize(TrainingRoles.STAFF)
    public String verificationUrl(String code) {
        return pdf.verificationUrl(code);
    }

    /** Revokes a valid certificate with a reason (a provincial officer); the public check then says revoked. */
    @PreAuthorize(TrainingRoles.PROVINCIAL)
    public void revoke(long certificateId, String reason, int version) {
        Certificate c = certificates.find(certificateId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (!c.valid()) {
            throw new RuleViolation(null, "training.certificate.revoked");
        }
        if (reason == null || reason.trim().length() < 5) {
            throw new RuleViolation("reason", "training.certificate.reasonRequired");
        }
        revoke(c, reason.trim(), version);
    }

    /**
     * The public check of a certificate by its code (no login): empty for an unknown code. Refused
     * with {@code training.verify.tooMany} when this client address asked too often.
     */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<CertificateCheck> verify(String code, String clientAddress) {
        return verify(limiter.visit(clientAddress, code));
    }

    /**
     * The same check within a page's visit, which was counted once when it began (a code opened at
     * {@code /verifikasi/{code}} is looked up in the certificates and the handover records).
     */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<CertificateCheck> verify(PublicCheckLimiter.Visit visit) {
        if (!visit.allowed()) {
            throw new RuleViolation(null, "training.verify.tooMany");
        }
        if (!PublicCode.wellFormed(visit.code())) {
            return Optional.empty();
        }
        return certificates.check(visit.code());
    }

    /** Issues (and, after a reopening, revokes) certificates from the results computed at closing. */
    void issue(ResultsComputed computed) {
        TrainingEvent e = computed.event();
        List<Certificate> existing = certificates.ofEvent(e.id());
        Set<Long> holding = existing.stream().filter(Certificate::valid).map(Certificate::participantId).collect(Collectors.toSet());
        String issuer = regions.kabkota(e.kabkotaCode()).map(Kabkota::displayName).orElse(e.kabkotaCode());
        int year = e.budgetYear();
        List<Participant> toIssue = computed.completed().stream().filter(p -> !holding.contains(p.id())).toList();
        int seq = toIssue.isEmpty() ? 0 : numbers.reserve(e.kabkotaCode(), year, toIssue.size());
        Instant now = clock.instant();
        for (Participant p : toIssue) {
            String number = "%03d/PLT-%s/%d".formatted(seq, e.kabkotaCode().replace(".", ""), year);
            Certificate c = new Certificate(0, p.id(), e.id(), e.kabkotaCode(), issuer, number, PublicCode.next(), p.fullName(),
                    e.publicTitle(), e.startDate(), e.endDate(), e.venue(), e.signatoryName(), e.signatoryPosition(), now,
                    null, null, 1);
            long id = certificates.insert(c, year, seq++);
            audit.record(AuditEvent.of(TrainingAction.CERTIFICATE_ISSUED).entity(TrainingEntity.CERTIFICATE, id)
                    .district(e.kabkotaCode()).after(Map.of("number", number, "participant", p.id())));
        }
        Set<Long> failed = computed.notCompleted().stream().map(Participant::id).collect(Collectors.toSet());
        for (Certificate c : existing) {
            if (c.valid() && failed.contains(c.participantId())) {
                revoke(c, "Hasil dihitung ulang setelah kegiatan dibuka kembali: tidak lulus", c.version());
            }
        }
    }

    private void revoke(Certificate c, String reason, int version) {
        if (!certificates.revoke(c, CurrentUser.require().getUsername(), reason,
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), version)) {
            throw RuleViolation.concurrentChange();
        }
        audit.record(AuditEvent.of(TrainingAction.CERTIFICATE_REVOKED).entity(TrainingEntity.CERTIFICATE, c.id())
                .district(c.kabkotaCode()).before(Map.of("valid", true)).after(Map.of("valid", false, "reason", reason)));
    }
}
