package id.berdaya.core.region;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

import static id.berdaya.db.Tables.REGION_DESA;
import static id.berdaya.db.Tables.REGION_KABKOTA;
import static id.berdaya.db.Tables.REGION_KECAMATAN;
import static id.berdaya.db.Tables.REGION_PROVINCE;
import static id.berdaya.db.Tables.REGION_KABKOTA_NATIONAL;

@Repository
class RegionRepository {

    private final DSLContext dsl;

    RegionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<Kabkota> kabkota() {
        var kec = DSL.select(REGION_KECAMATAN.KABKOTA_CODE, DSL.count().as("kec"))
                .from(REGION_KECAMATAN).groupBy(REGION_KECAMATAN.KABKOTA_CODE).asTable("k");
        var desa = DSL.select(REGION_KECAMATAN.KABKOTA_CODE, DSL.count().as("desa"))
                .from(REGION_DESA).join(REGION_KECAMATAN).on(REGION_KECAMATAN.CODE.eq(REGION_DESA.KECAMATAN_CODE))
                .groupBy(REGION_KECAMATAN.KABKOTA_CODE).asTable("d");
        return dsl.select(REGION_KABKOTA.CODE, REGION_KABKOTA.NAME, REGION_KABKOTA.TYPE,
                        kec.field("kec", Integer.class), desa.field("desa", Integer.class))
                .from(REGION_KABKOTA)
                .leftJoin(kec).on(kec.field(REGION_KECAMATAN.KABKOTA_CODE).eq(REGION_KABKOTA.CODE))
                .leftJoin(desa).on(desa.field(REGION_KECAMATAN.KABKOTA_CODE).eq(REGION_KABKOTA.CODE))
                .orderBy(REGION_KABKOTA.CODE)
                .fetch(r -> new Kabkota(r.value1(), r.value2(), Kabkota.Type.valueOf(r.value3().getLiteral()),
                        r.value4() == null ? 0 : r.value4(), r.value5() == null ? 0 : r.value5()));
    }

    List<Kecamatan> kecamatan(String kabkotaCode) {
        var desaCount = DSL.selectCount().from(REGION_DESA).where(REGION_DESA.KECAMATAN_CODE.eq(REGION_KECAMATAN.CODE)).asField("n");
        return dsl.select(REGION_KECAMATAN.CODE, REGION_KECAMATAN.KABKOTA_CODE, REGION_KECAMATAN.NAME, desaCount)
                .from(REGION_KECAMATAN)
                .where(REGION_KECAMATAN.KABKOTA_CODE.eq(kabkotaCode))
                .orderBy(REGION_KECAMATAN.NAME)
                .fetch(r -> new Kecamatan(r.value1(), r.value2(), r.value3(), ((Number) r.value4()).intValue()));
    }

    List<Desa> desa(String kecamatanCode) {
        return dsl.selectFrom(REGION_DESA)
                .where(REGION_DESA.KECAMATAN_CODE.eq(kecamatanCode))
                .orderBy(REGION_DESA.NAME)
                .fetch(r -> new Desa(r.getCode(), r.getKecamatanCode(), r.getName()));
    }

    RegionCodes codes() {
        return new RegionCodes(
                java.util.Set.copyOf(dsl.select(REGION_PROVINCE.CODE).from(REGION_PROVINCE).fetch(REGION_PROVINCE.CODE)),
                java.util.Set.copyOf(dsl.select(REGION_KABKOTA_NATIONAL.CODE).from(REGION_KABKOTA_NATIONAL).fetch(REGION_KABKOTA_NATIONAL.CODE)),
                java.util.Set.copyOf(dsl.select(REGION_KECAMATAN.CODE).from(REGION_KECAMATAN).fetch(REGION_KECAMATAN.CODE)));
    }

    Optional<String> provinceName(String code) {
        return dsl.select(REGION_PROVINCE.NAME).from(REGION_PROVINCE).where(REGION_PROVINCE.CODE.eq(code)).fetchOptional(REGION_PROVINCE.NAME);
    }

    Optional<String> nationalKabkotaName(String code) {
        return dsl.select(REGION_KABKOTA_NATIONAL.NAME).from(REGION_KABKOTA_NATIONAL)
                .where(REGION_KABKOTA_NATIONAL.CODE.eq(code)).fetchOptional(REGION_KABKOTA_NATIONAL.NAME);
    }
}
