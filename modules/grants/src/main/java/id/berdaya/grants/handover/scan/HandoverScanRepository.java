package id.berdaya.grants.handover.scan;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.tables.records.GrantsHandoverScanRecord;
import id.berdaya.grants.GrantsEntity;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static id.berdaya.db.Tables.GRANTS_HANDOVER_SCAN;

/** The signed scans of handover records, district-scoped like their handover; stored once, never changed. */
@Repository
class HandoverScanRepository extends DistrictScopedRepository<GrantsHandoverScanRecord> {

    HandoverScanRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, GRANTS_HANDOVER_SCAN, GRANTS_HANDOVER_SCAN.KABKOTA_CODE, GRANTS_HANDOVER_SCAN.ID,
                GrantsEntity.GRANTS_HANDOVER_SCAN);
    }

    long insert(HandoverScan s, String kabkota, byte[] content) {
        GrantsHandoverScanRecord r = newRecord(kabkota);
        r.setHandoverId(s.handoverId());
        r.setFileName(s.fileName());
        r.setContentType(s.contentType());
        r.setSizeBytes(s.sizeBytes());
        r.setSha256(s.sha256());
        r.setContent(content);
        r.setUploadedBy(s.uploadedBy());
        r.setUploadedAt(LocalDateTime.ofInstant(s.uploadedAt(), ZoneOffset.UTC));
        r.store();
        return r.getId();
    }

    /** The handover's scans, newest first, without their content. */
    List<HandoverScan> ofHandover(long handoverId) {
        var t = GRANTS_HANDOVER_SCAN;
        return selectVisible(List.of(t.ID, t.HANDOVER_ID, t.FILE_NAME, t.CONTENT_TYPE, t.SIZE_BYTES, t.SHA256, t.UPLOADED_BY,
                t.UPLOADED_AT), t.HANDOVER_ID.eq(handoverId)).orderBy(t.ID.desc())
                .fetch(r -> new HandoverScan(r.get(t.ID), r.get(t.HANDOVER_ID), r.get(t.FILE_NAME), r.get(t.CONTENT_TYPE),
                        r.get(t.SIZE_BYTES), r.get(t.SHA256), r.get(t.UPLOADED_BY), r.get(t.UPLOADED_AT).toInstant(ZoneOffset.UTC)));
    }

    /** A stored scan with its content and district (another district's is "not found"). */
    Optional<Stored> find(long id) {
        return findVisible(id).map(r -> new Stored(r.getHandoverId(), r.getKabkotaCode(), r.getSha256(),
                new HandoverScan.File(r.getFileName(), r.getContentType(), r.getContent())));
    }

    record Stored(long handoverId, String kabkota, String sha256, HandoverScan.File file) {
    }
}
