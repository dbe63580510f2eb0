package id.berdaya.grants.handover;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.tables.records.GrantsHandoverItemRecord;
import id.berdaya.grants.GrantsEntity;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.List;

import static id.berdaya.db.Tables.GRANTS_HANDOVER_ITEM;

/** The goods of handover records, district-scoped (the handover's district). */
@Repository
class HandoverItemRepository extends DistrictScopedRepository<GrantsHandoverItemRecord> {

    HandoverItemRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, GRANTS_HANDOVER_ITEM, GRANTS_HANDOVER_ITEM.KABKOTA_CODE, GRANTS_HANDOVER_ITEM.ID,
                GrantsEntity.GRANTS_HANDOVER_ITEM);
    }

    void insert(long handoverId, String kabkota, List<HandoverItem> items) {
        for (HandoverItem i : items) {
            GrantsHandoverItemRecord r = newRecord(kabkota);
            r.setHandoverId(handoverId);
            r.setCatalogueItemId(i.catalogueItemId());
            r.setName(i.name());
            r.setUnit(i.unit());
            r.setApprovedQuantity(i.approvedQuantity());
            r.setQuantity(i.quantity());
            r.setReason(i.reason());
            r.store();
        }
    }

    List<HandoverItem> ofHandover(long handoverId) {
        var t = GRANTS_HANDOVER_ITEM;
        return selectVisible(t.HANDOVER_ID.eq(handoverId)).orderBy(t.ID).fetch(r -> new HandoverItem(r.getCatalogueItemId(),
                r.getName(), r.getUnit(), r.getApprovedQuantity(), r.getQuantity(), r.getReason()));
    }
}
