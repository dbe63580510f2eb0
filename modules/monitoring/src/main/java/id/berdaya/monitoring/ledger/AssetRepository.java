package id.berdaya.monitoring.ledger;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.enums.MonitoringAssetKind;
import id.berdaya.db.tables.records.MonitoringAssetRecord;
import id.berdaya.monitoring.MonitoringEntity;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.List;

import static id.berdaya.db.Tables.MONITORING_ASSET;

/** The items handed over per case with their balance, district-scoped. */
@Repository
class AssetRepository extends DistrictScopedRepository<MonitoringAssetRecord> {

    AssetRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, MONITORING_ASSET, MONITORING_ASSET.KABKOTA_CODE, MONITORING_ASSET.ID, MonitoringEntity.MONITORING_ASSET);
    }

    long insert(long caseId, String kabkota, long catalogueItemId, String name, String unit, AssetKind kind, int quantity) {
        MonitoringAssetRecord r = newRecord(kabkota);
        r.setCaseId(caseId);
        r.setCatalogueItemId(catalogueItemId);
        r.setName(name);
        r.setUnit(unit);
        r.setKind(MonitoringAssetKind.valueOf(kind.name()));
        r.setHandedQuantity(quantity);
        r.setBalance(quantity);
        r.store();
        return r.getId();
    }

    /** A case's items, locked for the visit that moves them. */
    List<Asset> ofCase(long caseId, boolean lock) {
        var t = MONITORING_ASSET;
        var q = selectVisible(t.CASE_ID.eq(caseId)).orderBy(t.ID);
        return (lock ? q.forUpdate().fetch() : q.fetch()).map(AssetRepository::toAsset);
    }

    void deleteOfCase(long caseId, String kabkota) {
        var t = MONITORING_ASSET;
        writing(kabkota).deleteFrom(t).where(t.CASE_ID.eq(caseId)).execute();
    }

    void setBalance(long id, String kabkota, int balance) {
        var t = MONITORING_ASSET;
        writing(kabkota).update(t).set(t.BALANCE, balance).set(t.VERSION, t.VERSION.plus(1)).where(t.ID.eq(id)).execute();
    }

    private static Asset toAsset(MonitoringAssetRecord r) {
        return new Asset(r.getId(), r.getCaseId(), r.getName(), r.getUnit(), AssetKind.valueOf(r.getKind().getLiteral()),
                r.getHandedQuantity(), r.getBalance());
    }
}
