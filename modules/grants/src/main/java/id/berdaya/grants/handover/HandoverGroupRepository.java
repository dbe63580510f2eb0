package id.berdaya.grants.handover;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.tables.records.GrantsHandoverGroupRecord;
import id.berdaya.grants.GrantsEntity;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static id.berdaya.db.Tables.GRANTS_HANDOVER_GROUP;

/** Group handovers: the shared date, place, handing party and witness of several records of one district. */
@Repository
class HandoverGroupRepository extends DistrictScopedRepository<GrantsHandoverGroupRecord> {

    HandoverGroupRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, GRANTS_HANDOVER_GROUP, GRANTS_HANDOVER_GROUP.KABKOTA_CODE, GRANTS_HANDOVER_GROUP.ID,
                GrantsEntity.GRANTS_HANDOVER_GROUP);
    }

    long insert(String kabkota, NewGroupHandover g, String by, Instant at) {
        GrantsHandoverGroupRecord r = newRecord(kabkota);
        r.setHandedOn(g.handedOn());
        r.setPlace(g.place().trim());
        r.setGiverName(g.giverName().trim());
        r.setGiverPosition(g.giverPosition().trim());
        r.setGiverOffice(g.giverOffice().trim());
        r.setWitnessName(g.witnessName().trim());
        r.setWitnessPosition(g.witnessPosition().trim());
        r.setRecordedBy(by);
        r.setRecordedAt(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
        r.store();
        return r.getId();
    }
}
