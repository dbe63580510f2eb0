package id.berdaya.grants.handover;

import id.berdaya.core.file.Photos;
import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.tables.records.GrantsHandoverPhotoRecord;
import id.berdaya.grants.GrantsEntity;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static id.berdaya.db.Tables.GRANTS_HANDOVER_PHOTO;

/**
 * The photos of handover records, district-scoped like their handover; each belongs to one record
 * or to one group handover (a group photo). Stored once, never changed.
 */
@Repository
class HandoverPhotoRepository extends DistrictScopedRepository<GrantsHandoverPhotoRecord> {

    HandoverPhotoRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, GRANTS_HANDOVER_PHOTO, GRANTS_HANDOVER_PHOTO.KABKOTA_CODE, GRANTS_HANDOVER_PHOTO.ID,
                GrantsEntity.GRANTS_HANDOVER_PHOTO);
    }

    /** Stores a cleaned photo of a record ({@code handoverId}) or of a group ({@code groupId}); the other is null. */
    long insert(Long handoverId, Long groupId, String kabkota, Photos.Clean photo, Handover.Position position, String sha256,
                String by, Instant at) {
        GrantsHandoverPhotoRecord r = newRecord(kabkota);
        r.setHandoverId(handoverId);
        r.setGroupId(groupId);
        r.setContentType(photo.contentType());
        r.setWidth(photo.width());
        r.setHeight(photo.height());
        r.setSizeBytes(photo.content().length);
        r.setSha256(sha256);
        r.setContent(photo.content());
        r.setTakenAt(photo.takenAt());
        if (position != null) {
            r.setLatitude(position.latitude());
            r.setLongitude(position.longitude());
        }
        r.setUploadedBy(by);
        r.setUploadedAt(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
        r.store();
        return r.getId();
    }

    /** The photos of a record: its own and, if it was recorded in a group, the group's; by id, without content. */
    List<HandoverPhoto> of(long handoverId, Long groupId) {
        var t = GRANTS_HANDOVER_PHOTO;
        Condition owner = groupId == null ? t.HANDOVER_ID.eq(handoverId) : t.HANDOVER_ID.eq(handoverId).or(t.GROUP_ID.eq(groupId));
        return selectVisible(List.of(t.ID, t.HANDOVER_ID, t.CONTENT_TYPE, t.WIDTH, t.HEIGHT, t.SIZE_BYTES, t.SHA256, t.TAKEN_AT,
                t.LATITUDE, t.LONGITUDE), owner).orderBy(t.ID)
                .fetch(r -> new HandoverPhoto(r.get(t.ID), r.get(t.CONTENT_TYPE), r.get(t.WIDTH), r.get(t.HEIGHT), r.get(t.SIZE_BYTES),
                        r.get(t.SHA256), r.get(t.TAKEN_AT),
                        r.get(t.LATITUDE) == null ? null : new Handover.Position(r.get(t.LATITUDE), r.get(t.LONGITUDE)),
                        r.get(t.HANDOVER_ID) == null));
    }

    /** A stored photo with its owner and content (another district's is "not found"). */
    Optional<Stored> find(long id) {
        return findVisible(id).map(r -> new Stored(r.getHandoverId(), r.getGroupId(), r.getKabkotaCode(), r.getSha256(),
                new HandoverPhoto.File(r.getContentType(), r.getContent())));
    }

    record Stored(Long handoverId, Long groupId, String kabkota, String sha256, HandoverPhoto.File file) {
    }
}
