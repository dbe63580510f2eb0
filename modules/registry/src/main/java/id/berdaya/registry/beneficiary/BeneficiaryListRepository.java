package id.berdaya.registry.beneficiary;

import id.berdaya.registry.RegistryEntity;
import id.berdaya.registry.Sex;
import id.berdaya.registry.nik.NameKey;

import id.berdaya.core.database.RenderedQueries;
import id.berdaya.core.region.Kabkota;
import id.berdaya.core.region.RegionService;
import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.core.scope.UnscopedReason;
import id.berdaya.db.enums.RegistryBeneficiarySex;
import id.berdaya.db.enums.RegistryBeneficiaryStatus;
import id.berdaya.db.tables.records.RegistryBeneficiaryRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.SelectLimitStep;
import org.jooq.SelectSeekLimitStep;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import static id.berdaya.db.Tables.REGISTRY_BENEFICIARY;
import static id.berdaya.db.Tables.REGISTRY_NAME_TOKEN;

/**
 * The register list: a seek-paged, capped-count read of list rows within the district scope,
 * its SQL rendered once per shape and bound over JDBC (ADR 0004; {@code ListShapeTest} checks
 * every shape). The scope is rendered into the query from {@link #visibility()}.
 */
@Repository
class BeneficiaryListRepository extends DistrictScopedRepository<RegistryBeneficiaryRecord> {

    /** The columns of a list row, in the order {@link #summary(ResultSet, IntFunction)} reads them. */
    private static final List<SelectField<?>> LIST_COLUMNS = List.of(REGISTRY_BENEFICIARY.ID, REGISTRY_BENEFICIARY.NIK,
            REGISTRY_BENEFICIARY.FULL_NAME, REGISTRY_BENEFICIARY.SEX, REGISTRY_BENEFICIARY.BIRTH_DATE, REGISTRY_BENEFICIARY.KABKOTA_CODE,
            REGISTRY_BENEFICIARY.KECAMATAN_CODE, REGISTRY_BENEFICIARY.DESA_CODE, REGISTRY_BENEFICIARY.CATEGORY_ID,
            REGISTRY_BENEFICIARY.STATUS, REGISTRY_BENEFICIARY.REVIEW_FLAGS);

    /** The list's SQL, rendered once per shape (a few dozen shapes are in use; 500 are kept at most). */
    private final RenderedQueries rendered;

    /** The province's kabupaten/kota codes (reference data, unchanged while the application runs). */
    private final Supplier<List<String>> districtCodes;
    private volatile List<Field<String>> everyDistrict;

    @Autowired
    BeneficiaryListRepository(DSLContext dsl, DistrictScope scope, RegionService regions) {
        this(dsl, scope, () -> regions.kabkota().stream().map(Kabkota::code).toList());
    }

    BeneficiaryListRepository(DSLContext dsl, DistrictScope scope, Supplier<List<String>> districtCodes) {
        super(dsl, scope, REGISTRY_BENEFICIARY, REGISTRY_BENEFICIARY.KABKOTA_CODE, REGISTRY_BENEFICIARY.ID, RegistryEntity.BENEFICIARY);
        this.rendered = new RenderedQueries(dsl, 500);
        this.districtCodes = districtCodes;
    }

    /**
     * A page of the list, newest first, by seek: the rows after {@code beforeId} (exclusive), so
     * the page at row 900,000 costs what the first one does.
     */
    List<BeneficiarySummary> page(BeneficiaryFilter filter, Long beforeId, int limit, IntFunction<String> categoryOf) {
        Shape s = new Shape(visibility());
        return list(s, select(s, filter, ListOrder.NEWEST, beforeId == null ? null : new After(null, null, beforeId), limit), 0,
                categoryOf);
    }
    /**
     * A page in the given order after the row {@code after} (exclusive; null: from the top), by
     * seek. {@code categoryOf} names a category id (null for roles that may not see it).
     */
    List<BeneficiarySummary> page(BeneficiaryFilter filter, ListOrder order, BeneficiarySummary after, int limit,
                                  IntFunction<String> categoryOf) {
        Shape s = new Shape(visibility());
        After position = after == null ? null : new After(NameKey.of(after.fullName()), after.birthDate(), after.id());
        return list(s, select(s, filter, order, position, limit), 0, categoryOf);
    }
    /** Rows matching the filter within scope, counted up to {@code cap} (the list shows "10.000+" beyond). */
    int countUpTo(BeneficiaryFilter filter, int cap) {
        Shape s = new Shape(visibility());
        return run(s, count(s, filter, cap), 0, rs -> rs.next() ? rs.getInt(1) : 0);
    }
    /** {@code select count(*) from (select 1 ... limit cap)}: the count stops at the cap. */
    Select<?> count(Shape s, BeneficiaryFilter filter, int cap) {
        s.choose("count");
        var capped = DSL.selectOne().from(REGISTRY_BENEFICIARY).where(matching(s, filter)).limit(s.value("cap", cap));
        return DSL.selectCount().from(capped.asTable("capped"));
    }
    /** Every row matching the filter within scope as a list row, newest first, streamed. */
    void forEach(BeneficiaryFilter filter, IntFunction<String> categoryOf, Consumer<BeneficiarySummary> consumer) {
        Shape s = new Shape(visibility());
        run(s, select(s, filter, ListOrder.NEWEST, null, null), 1000, rs -> {
            while (rs.next()) {
                consumer.accept(summary(rs, categoryOf));
            }
            return null;
        });
    }
    /** Where a page continues: after this row of the previous page (the name and birth date only for the name orders). */
    record After(String nameKey, LocalDate birthDate, long id) {
    }
    /**
     * The list's query: the columns of a list row only (not the address details or the sensitive
     * notes), in an order that an index serves, continuing after {@code after} by seek. The name
     * orders are (normalised name, birth date, id): people of the same name by age.
     */
    Select<Record> select(Shape s, BeneficiaryFilter filter, ListOrder order, After after, Integer limit) {
        var select = DSL.select(LIST_COLUMNS).from(REGISTRY_BENEFICIARY).where(matching(s, filter));
        s.choose(order.name());
        var id = REGISTRY_BENEFICIARY.ID;
        var name = REGISTRY_BENEFICIARY.NAME_KEY;
        var born = REGISTRY_BENEFICIARY.BIRTH_DATE;
        if (after == null) {
            SelectLimitStep<Record> top = switch (order) {
                case NEWEST -> select.orderBy(id.desc());
                case NAME_ASC -> select.orderBy(name.asc(), born.asc(), id.asc());
                case NAME_DESC -> select.orderBy(name.desc(), born.desc(), id.desc());
            };
            return limit == null ? top : top.limit(s.value("limit", limit));
        }
        SelectSeekLimitStep<Record> next = switch (order) {
            case NEWEST -> select.orderBy(id.desc()).seek(s.value("afterId", after.id()));
            case NAME_ASC -> select.orderBy(name.asc(), born.asc(), id.asc())
                    .seek(s.value("afterKey", after.nameKey()), s.value("afterBorn", after.birthDate()), s.value("afterId", after.id()));
            case NAME_DESC -> select.orderBy(name.desc(), born.desc(), id.desc())
                    .seek(s.value("afterKey", after.nameKey()), s.value("afterBorn", after.birthDate()), s.value("afterId", after.id()));
        };
        return limit == null ? next : next.limit(s.value("limit", limit));
    }
    /** The selected rows as list rows. */
    private List<BeneficiarySummary> list(Shape s, Query query, int fetchSize, IntFunction<String> categoryOf) {
        return run(s, query, fetchSize, rs -> {
            List<BeneficiarySummary> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(summary(rs, categoryOf));
            }
            return rows;
        });
    }
    /**
     * Runs a query of this shape on the transaction's connection (or a pooled one): its SQL is
     * rendered once per shape, the values are bound (see {@link RenderedQueries}).
     */
    private <T> T run(Shape s, Query query, int fetchSize, Rows<T> reader) {
        RenderedQueries.Rendered sql = rendered.get(s.key(), query);
        // the query carries the scope itself: matching() starts with s.scope(...), from visibility()
        return unscoped(UnscopedReason.LIST_RENDERS_ITS_SCOPE).connectionResult(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.sql())) {
                sql.bind(ps, s.values());
                if (fetchSize > 0) {
                    ps.setFetchSize(fetchSize);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return reader.read(rs);
                }
            }
        });
    }
    @FunctionalInterface
    private interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }
    /** A list row from the columns of {@link #LIST_COLUMNS}, NIK masked. */
    private static BeneficiarySummary summary(ResultSet rs, IntFunction<String> categoryOf) throws SQLException {
        return new BeneficiarySummary(rs.getLong(1), NameKey.maskNik(rs.getString(2)), rs.getString(3), Sex.valueOf(rs.getString(4)),
                rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getString(8), categoryOf.apply(rs.getInt(9)),
                BeneficiaryStatus.valueOf(rs.getString(10)), BeneficiaryRepository.flags(rs.getString(11)));
    }
    /**
     * The filter as a condition within the user's scope. Name words go through the token table;
     * the subquery carries the district (the user's scope, and the filter's) so that its index
     * seeks inside one district. Every value is a named parameter of {@code s} and every condition
     * that is there or not is in its shape.
     */
    private Condition matching(Shape s, BeneficiaryFilter f) {
        Condition c = s.scope(REGISTRY_BENEFICIARY.KABKOTA_CODE);
        if (f.nik() != null && !f.nik().isBlank()) {
            c = c.and(REGISTRY_BENEFICIARY.NIK.eq(s.value("nik", f.nik().trim())));
        }
        List<String> words = NameKey.tokens(f.name());
        for (int i = 0; i < words.size(); i++) {
            // each word must start a word of the name; the token index answers by a range seek
            var tokens = DSL.select(REGISTRY_NAME_TOKEN.BENEFICIARY_ID).from(REGISTRY_NAME_TOKEN)
                    .where(s.scope(REGISTRY_NAME_TOKEN.KABKOTA_CODE))
                    .and(REGISTRY_NAME_TOKEN.TOKEN.like(s.value("word" + i, escape(words.get(i)) + "%"), '!'));
            if (f.kabkotaCode() != null) {
                tokens = tokens.and(REGISTRY_NAME_TOKEN.KABKOTA_CODE.eq(s.value("kabkota", f.kabkotaCode())));
            } else if (s.visibility.reach() == DistrictScope.Reach.ALL) {
                // the token index begins with the district: a province-wide search seeks in each one
                s.choose("everyDistrict");
                tokens = tokens.and(REGISTRY_NAME_TOKEN.KABKOTA_CODE.in(everyDistrict()));
            }
            c = c.and(REGISTRY_BENEFICIARY.ID.in(tokens));
        }
        if (f.kabkotaCode() != null) {
            c = c.and(REGISTRY_BENEFICIARY.KABKOTA_CODE.eq(s.value("kabkota", f.kabkotaCode())));
        }
        if (f.kecamatanCode() != null) {
            c = c.and(REGISTRY_BENEFICIARY.KECAMATAN_CODE.eq(s.value("kecamatan", f.kecamatanCode())));
        }
        if (f.desaCode() != null) {
            c = c.and(REGISTRY_BENEFICIARY.DESA_CODE.eq(s.value("desa", f.desaCode())));
        }
        if (f.categoryId() != null) {
            c = c.and(REGISTRY_BENEFICIARY.CATEGORY_ID.eq(s.value("category", f.categoryId())));
        }
        if (f.referralSource() != null && !f.referralSource().isBlank()) {
            c = c.and(REGISTRY_BENEFICIARY.REFERRAL_SOURCE.eq(s.value("referral", f.referralSource())));
        }
        c = f.status() != null
                ? c.and(REGISTRY_BENEFICIARY.STATUS.eq(s.value("status", RegistryBeneficiaryStatus.valueOf(f.status().name()))))
                : c.and(REGISTRY_BENEFICIARY.STATUS.ne(s.value("notStatus", RegistryBeneficiaryStatus.MERGED)));
        if (f.sex() != null) {
            c = c.and(REGISTRY_BENEFICIARY.SEX.eq(s.value("sex", RegistryBeneficiarySex.valueOf(f.sex().name()))));
        }
        if (f.minAge() != null || f.maxAge() != null) {
            LocalDate today = LocalDate.now(ZoneOffset.ofHours(7));
            if (f.minAge() != null) {
                c = c.and(REGISTRY_BENEFICIARY.BIRTH_DATE.le(s.value("bornBy", today.minusYears(f.minAge()))));
            }
            if (f.maxAge() != null) {
                c = c.and(REGISTRY_BENEFICIARY.BIRTH_DATE.gt(s.value("bornAfter", today.minusYears(f.maxAge() + 1L))));
            }
        }
        if (f.flaggedOnly()) {
            s.choose("flagged");
            c = c.and(REGISTRY_BENEFICIARY.REVIEW_FLAGS.isNotNull());
        }
        return c;
    }
    /**
     * One list query under construction: its values as named parameters, and its shape, which
     * records the scope's reach, the name of every value and every other choice in the order the
     * query was built, so that the same shape is the same SQL ({@link RenderedQueries}).
     */
    static final class Shape {
        private final StringBuilder key = new StringBuilder(96);
        private final Map<String, Object> values = new HashMap<>();
        private final DistrictScope.Visibility visibility;

        Shape(DistrictScope.Visibility visibility) {
            this.visibility = visibility;
            key.append(visibility.reach()).append(';');
        }

        <T> Param<T> value(String name, T value) {
            key.append(name).append(';');
            Object before = values.put(name, value);
            if (before != null && !before.equals(value)) {
                throw new IllegalArgumentException("parameter " + name + " given two values");
            }
            return DSL.param(name, value);
        }

        void choose(String choice) {
            key.append('#').append(choice).append(';');
        }

        /** The user's scope on a district column; the district is a parameter, the reach is in the shape. */
        Condition scope(Field<String> district) {
            return visibility.on(district, d -> value("scope", d));
        }

        String key() {
            return key.toString();
        }

        Map<String, Object> values() {
            return values;
        }
    }
    private static String escape(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
    /** Every district code as a literal: constant, so part of the shape's SQL. */
    private List<Field<String>> everyDistrict() {
        List<Field<String>> codes = everyDistrict;
        if (codes == null) {
            codes = districtCodes.get().stream().<Field<String>>map(DSL::inline).toList();
            everyDistrict = codes;
        }
        return codes;
    }
}
