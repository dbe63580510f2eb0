package id.berdaya.monitoring.visit;

import id.berdaya.core.file.FileContent;
import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.tables.records.MonitoringVisitPhotoRecord;
import id.berdaya.monitoring.MonitoringEntity;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import static id.berdaya.db.Tables.MONITORING_VISIT_PHOTO;

/** Visit photos (re-encoded), district-scoped. */
@Repository
class PhotoRepository extends DistrictScopedRepository<MonitoringVisitPhotoRecord> {

    PhotoRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, MONITORING_VISIT_PHOTO, MONITORING_VISIT_PHOTO.KABKOTA_CODE, MONITORING_VISIT_PHOTO.ID,
                MonitoringEntity.MONITORING_VISIT_PHOTO);
    }

    long insert(long visitId, String kabkota, String type, byte[] content, String by, LocalDateTime at) {
        MonitoringVisitPhotoRecord r = newRecord(kabkota);
        r.setVisitId(visitId);
        r.setContentType(type);
        r.setSizeBytes(content.length);
        r.setSha256(FileContent.sha256(content));
        r.setContent(content);
        r.setUploadedBy(by);
        r.setUploadedAt(at);
        r.store();
        return r.getId();
    }

    /** The photos' ids of a visit. */
    void deleteOfVisits(java.util.Collection<Long> visitIds, String kabkota) {
        var t = id.berdaya.db.Tables.MONITORING_VISIT_PHOTO;
        writing(kabkota).deleteFrom(t).where(t.VISIT_ID.in(visitIds)).execute();
    }

    List<Long> ofVisit(long visitId) {
        var t = MONITORING_VISIT_PHOTO;
        return selectVisible(List.of(t.ID), t.VISIT_ID.eq(visitId)).orderBy(t.ID).fetch(t.ID);
    }

    Optional<VisitPhoto> find(long id) {
        return findVisible(id).map(r -> new VisitPhoto(r.getId(), r.getVisitId(), r.getContentType(), r.getContent()));
    }
}
