package id.berdaya.grants.proposal;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.tables.records.GrantsProposalItemRecord;
import id.berdaya.grants.GrantsEntity;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Map;

import static id.berdaya.db.Tables.GRANTS_PROPOSAL_ITEM;

/** The items of proposals, district-scoped (the proposal's district). */
@Repository
class ItemRepository extends DistrictScopedRepository<GrantsProposalItemRecord> {

    /** An item as stored: catalogue item, quantity, price (rupiah). */
    record Row(long catalogueItemId, int quantity, long unitPrice) {
    }

    ItemRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, GRANTS_PROPOSAL_ITEM, GRANTS_PROPOSAL_ITEM.KABKOTA_CODE, GRANTS_PROPOSAL_ITEM.ID,
                GrantsEntity.GRANTS_PROPOSAL_ITEM);
    }

    List<Row> ofProposal(long proposalId) {
        var t = GRANTS_PROPOSAL_ITEM;
        return selectVisible(t.PROPOSAL_ID.eq(proposalId)).orderBy(t.ID)
                .fetch(r -> new Row(r.getCatalogueItemId(), r.getQuantity(), r.getUnitPrice()));
    }

    /** Replaces the items of a draft. */
    void replace(long proposalId, String kabkota, List<Row> rows) {
        writing(kabkota).deleteFrom(GRANTS_PROPOSAL_ITEM).where(GRANTS_PROPOSAL_ITEM.PROPOSAL_ID.eq(proposalId)).execute();
        for (Row row : rows) {
            GrantsProposalItemRecord r = newRecord(kabkota);
            r.setProposalId(proposalId);
            r.setCatalogueItemId(row.catalogueItemId());
            r.setQuantity(row.quantity());
            r.setUnitPrice(row.unitPrice());
            r.store();
        }
    }

    /** Copies prices into the items (the district's approval freezes them). */
    void setPrices(long proposalId, String kabkota, Map<Long, Long> priceByCatalogueItem) {
        var t = GRANTS_PROPOSAL_ITEM;
        DSLContext dsl = writing(kabkota);
        priceByCatalogueItem.forEach((item, price) -> dsl.update(t).set(t.UNIT_PRICE, price).set(t.VERSION, t.VERSION.plus(1))
                .where(t.PROPOSAL_ID.eq(proposalId), t.CATALOGUE_ITEM_ID.eq(item)).execute());
    }
}
