package id.berdaya.training.certificate;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.core.scope.UnscopedReason;
import id.berdaya.db.tables.records.TrainingCertificateRecord;
import id.berdaya.training.TrainingEntity;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static id.berdaya.db.Tables.TRAINING_CERTIFICATE;

/** Certificates, district-scoped like their event; the public check reads one by its code. */
@Repository
class CertificateRepository extends DistrictScopedRepository<TrainingCertificateRecord> {

    CertificateRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, TRAINING_CERTIFICATE, TRAINING_CERTIFICATE.KABKOTA_CODE, TRAINING_CERTIFICATE.ID, TrainingEntity.CERTIFICATE);
    }

    long insert(Certificate c, int year, int seq) {
        TrainingCertificateRecord r = newRecord(c.kabkotaCode());
        r.setParticipantId(c.participantId());
        r.setEventId(c.eventId());
        r.setIssuerName(c.issuerName());
        r.setYear((short) year);
        r.setSeq(seq);
        r.setNumber(c.number());
        r.setCode(c.code());
        r.setHolderName(c.holderName());
        r.setPublicTitle(c.publicTitle());
        r.setStartDate(c.startDate());
        r.setEndDate(c.endDate());
        r.setVenue(c.venue());
        r.setSignatoryName(c.signatoryName());
        r.setSignatoryPosition(c.signatoryPosition());
        r.setIssuedAt(LocalDateTime.ofInstant(c.issuedAt(), ZoneOffset.UTC));
        r.store();
        return r.getId();
    }

    List<Certificate> ofEvent(long eventId) {
        return selectVisible(TRAINING_CERTIFICATE.EVENT_ID.eq(eventId)).orderBy(TRAINING_CERTIFICATE.SEQ)
                .fetch(CertificateRepository::toCertificate);
    }

    List<Certificate> ofParticipant(long participantId) {
        return selectVisible(TRAINING_CERTIFICATE.PARTICIPANT_ID.eq(participantId)).orderBy(TRAINING_CERTIFICATE.ID.desc())
                .fetch(CertificateRepository::toCertificate);
    }

    Optional<Certificate> find(long id) {
        return findVisible(id).map(CertificateRepository::toCertificate);
    }

    /** A guarded revocation: only a valid certificate at the version the user saw. */
    boolean revoke(Certificate c, String by, String reason, LocalDateTime at, int version) {
        var t = TRAINING_CERTIFICATE;
        return writing(c.kabkotaCode()).update(t).set(t.REVOKED_AT, at).set(t.REVOKED_BY, by).set(t.REVOKE_REASON, reason)
                .set(t.VERSION, t.VERSION.plus(1))
                .where(t.ID.eq(c.id()), t.REVOKED_AT.isNull(), t.VERSION.eq(version)).execute() == 1;
    }

    /** The public check: a certificate by its code, with only what the certificate itself shows. */
    Optional<CertificateCheck> check(String code) {
        var t = TRAINING_CERTIFICATE;
        return unscoped(UnscopedReason.CERTIFICATE_CHECK)
                .select(t.REVOKED_AT, t.NUMBER, t.HOLDER_NAME, t.PUBLIC_TITLE, t.START_DATE, t.END_DATE, t.ISSUER_NAME)
                .from(t).where(t.CODE.eq(code))
                .fetchOptional(r -> new CertificateCheck(r.value1() == null, r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7()));
    }

    private static Certificate toCertificate(TrainingCertificateRecord r) {
        return new Certificate(r.getId(), r.getParticipantId(), r.getEventId(), r.getKabkotaCode(), r.getIssuerName(),
                r.getNumber(), r.getCode(), r.getHolderName(), r.getPublicTitle(), r.getStartDate(), r.getEndDate(),
                r.getVenue(), r.getSignatoryName(), r.getSignatoryPosition(), r.getIssuedAt().toInstant(ZoneOffset.UTC),
                r.getRevokedAt() == null ? null : r.getRevokedAt().toInstant(ZoneOffset.UTC), r.getRevokeReason(),
                r.getVersion());
    }
}
