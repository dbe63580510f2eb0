package id.berdaya.training.signin;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.tables.records.TrainingSessionScanRecord;
import id.berdaya.training.TrainingEntity;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static id.berdaya.db.Tables.TRAINING_SESSION_SCAN;

/** The signed sign-in sheets, district-scoped like their event; stored once, never changed. */
@Repository
class SignedSheetRepository extends DistrictScopedRepository<TrainingSessionScanRecord> {

    SignedSheetRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, TRAINING_SESSION_SCAN, TRAINING_SESSION_SCAN.KABKOTA_CODE, TRAINING_SESSION_SCAN.ID,
                TrainingEntity.TRAINING_SIGNED_SHEET);
    }

    long insert(long sessionId, String kabkota, String fileName, String contentType, byte[] content, String sha256, String by,
                LocalDateTime at) {
        TrainingSessionScanRecord r = newRecord(kabkota);
        r.setSessionId(sessionId);
        r.setKabkotaCode(kabkota);
        r.setFileName(fileName);
        r.setContentType(contentType);
        r.setSizeBytes(content.length);
        r.setSha256(sha256);
        r.setContent(content);
        r.setUploadedBy(by);
        r.setUploadedAt(at);
        r.insert();
        return r.getId();
    }

    /** The session's sheets, newest first, without their content. */
    List<SignedSheet> ofSession(long sessionId) {
        var s = TRAINING_SESSION_SCAN;
        return selectVisible(List.of(s.ID, s.SESSION_ID, s.FILE_NAME, s.CONTENT_TYPE, s.SIZE_BYTES, s.SHA256, s.UPLOADED_BY, s.UPLOADED_AT),
                s.SESSION_ID.eq(sessionId)).orderBy(s.ID.desc()).fetch(SignedSheetRepository::toSheet);
    }

    /** A stored sheet with its content (a sheet of another district is "not found"). */
    Optional<Stored> find(long id) {
        return findVisible(id).map(r -> new Stored(r.getSessionId(), r.getKabkotaCode(), r.getSha256(),
                new SignedSheetFile(r.getFileName(), r.getContentType(), r.getContent())));
    }

    record Stored(long sessionId, String kabkota, String sha256, SignedSheetFile file) {
    }

    static SignedSheet toSheet(Record r) {
        var s = TRAINING_SESSION_SCAN;
        return new SignedSheet(r.get(s.ID), r.get(s.SESSION_ID), r.get(s.FILE_NAME), r.get(s.CONTENT_TYPE), r.get(s.SIZE_BYTES),
                r.get(s.SHA256), r.get(s.UPLOADED_BY), r.get(s.UPLOADED_AT).toInstant(ZoneOffset.UTC));
    }
}
