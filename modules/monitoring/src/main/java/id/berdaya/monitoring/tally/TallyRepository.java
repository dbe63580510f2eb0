package id.berdaya.monitoring.tally;

import id.berdaya.core.figures.Figure;
import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.tables.records.MonitoringTallyRecord;
import id.berdaya.monitoring.MonitoringEntity;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static id.berdaya.db.Tables.MONITORING_TALLY;

/** The scorecard counts per kecamatan, district-scoped; each change adds to its row in the changing transaction. */
@Repository
class TallyRepository extends DistrictScopedRepository<MonitoringTallyRecord> {

    TallyRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, MONITORING_TALLY, MONITORING_TALLY.KABKOTA_CODE, MONITORING_TALLY.ID, MonitoringEntity.MONITORING_TALLY);
    }

    void add(String kabkota, String kecamatan, Figure figure, long delta) {
        var t = MONITORING_TALLY;
        writing(kabkota).insertInto(t, t.KABKOTA_CODE, t.KECAMATAN_CODE, t.FIGURE, t.N).values(kabkota, kecamatan, figure.name(), delta)
                .onDuplicateKeyUpdate().set(t.N, t.N.plus(delta)).execute();
    }

    /** Visible counts summed per kabupaten/kota (null) or per kecamatan of one. */
    Map<String, Map<Figure, Long>> sums(String kabkota) {
        var t = MONITORING_TALLY;
        Field<String> key = kabkota == null ? t.KABKOTA_CODE : t.KECAMATAN_CODE;
        Field<BigDecimal> n = DSL.sum(t.N);
        Map<String, Map<Figure, Long>> out = new HashMap<>();
        selectVisible(List.of(key, t.FIGURE, n), kabkota == null ? DSL.noCondition() : t.KABKOTA_CODE.eq(kabkota))
                .groupBy(key, t.FIGURE).fetch().forEach(r -> out.computeIfAbsent(r.get(key), k -> new HashMap<>())
                        .put(Figure.valueOf(r.get(t.FIGURE)), r.get(n) == null ? 0L : r.get(n).longValue()));
        return out;
    }
}
