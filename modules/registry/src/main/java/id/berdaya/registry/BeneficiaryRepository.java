package id.berdaya.registry;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.enums.RegistryBeneficiaryLegalBasis;
import id.berdaya.db.enums.RegistryBeneficiarySex;
import id.berdaya.db.enums.RegistryBeneficiaryStatus;
import id.berdaya.db.tables.records.RegistryBeneficiaryRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record11;
import org.jooq.Record2;
import org.jooq.RecordMapper;
import org.jooq.Records;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import static id.berdaya.db.Tables.REGISTRY_BENEFICIARY;
import static id.berdaya.db.Tables.REGISTRY_CATEGORY;
import static id.berdaya.db.Tables.REGISTRY_NAME_TOKEN;

/** Beneficiaries: every read within the current user's district scope. */
@Repository
class BeneficiaryRepository extends DistrictScopedRepository<RegistryBeneficiaryRecord> {

    static final String ENTITY = "BENEFICIARY";
    private static final org.jooq.Field<String> CATEGORY_NAME = REGISTRY_CATEGORY.NAME;

    private final DistrictScope scope;

    BeneficiaryRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, REGISTRY_BENEFICIARY, REGISTRY_BENEFICIARY.KABKOTA_CODE, REGISTRY_BENEFICIARY.ID, ENTITY);
        this.scope = scope;
    }

    /**
     * The district where a NIK is registered, whoever may see it: the one answer the duplicate
     * rule may give about another district's record (never its details).
     */
    Optional<String> districtOfNik(String nik) {
        return dsl.select(REGISTRY_BENEFICIARY.KABKOTA_CODE).from(REGISTRY_BENEFICIARY)
                .where(REGISTRY_BENEFICIARY.NIK.eq(nik)).fetchOptional(REGISTRY_BENEFICIARY.KABKOTA_CODE);
    }

    /** The visible record with this NIK. */
    Optional<RegistryBeneficiaryRecord> findVisibleByNik(String nik) {
        return selectVisible(REGISTRY_BENEFICIARY.NIK.eq(nik)).fetchOptional();
    }

    Optional<RegistryBeneficiaryRecord> find(long id) {
        return findVisible(id);
    }

    /** Records with the same normalised name and birth date (possible duplicates), in any district. */
    List<Long> similar(String nameKey, LocalDate birthDate, long exceptId) {
        return dsl.select(REGISTRY_BENEFICIARY.ID).from(REGISTRY_BENEFICIARY)
                .where(REGISTRY_BENEFICIARY.NAME_KEY.eq(nameKey), REGISTRY_BENEFICIARY.BIRTH_DATE.eq(birthDate),
                        REGISTRY_BENEFICIARY.ID.ne(exceptId))
                .fetch(REGISTRY_BENEFICIARY.ID);
    }

    /** Records that were merged into this one (their history and documents belong to it now). */
    List<Long> mergedInto(long id) {
        return selectVisible(REGISTRY_BENEFICIARY.MERGED_INTO.eq(id)).fetch(REGISTRY_BENEFICIARY.ID);
    }

    RegistryBeneficiaryRecord newRecord() {
        return dsl.newRecord(REGISTRY_BENEFICIARY);
    }

    void storeTokens(long id, String kabkota, List<String> tokens) {
        dsl.deleteFrom(REGISTRY_NAME_TOKEN).where(REGISTRY_NAME_TOKEN.BENEFICIARY_ID.eq(id)).execute();
        var insert = dsl.insertInto(REGISTRY_NAME_TOKEN, REGISTRY_NAME_TOKEN.BENEFICIARY_ID, REGISTRY_NAME_TOKEN.KABKOTA_CODE, REGISTRY_NAME_TOKEN.TOKEN);
        for (String t : tokens) {
            insert = insert.values(id, kabkota, t);
        }
        if (!tokens.isEmpty()) {
            insert.execute();
        }
    }

    /**
     * A page of the list, newest first, by seek: the rows after {@code beforeId} (exclusive), so
     * the page at row 900,000 costs what the first one does.
     */
    List<BeneficiarySummary> page(BeneficiaryFilter filter, Long beforeId, int limit, IntFunction<String> categoryOf) {
        Condition c = matching(filter);
        if (beforeId != null) {
            c = c.and(REGISTRY_BENEFICIARY.ID.lt(beforeId));
        }
        return summaries(c).orderBy(REGISTRY_BENEFICIARY.ID.desc()).limit(limit).fetch(summary(categoryOf));
    }

    /**
     * A page in the given order after the row {@code after} (exclusive; null: from the top), by
     * seek. {@code categoryOf} names a category id (null for roles that may not see it).
     */
    List<BeneficiarySummary> page(BeneficiaryFilter filter, ListOrder order, BeneficiarySummary after, int limit,
                                  IntFunction<String> categoryOf) {
        var select = summaries(matching(filter));
        var page = switch (order) {
            case NEWEST -> after == null
                    ? select.orderBy(REGISTRY_BENEFICIARY.ID.desc()).limit(limit)
                    : select.orderBy(REGISTRY_BENEFICIARY.ID.desc()).seek(after.id()).limit(limit);
            case NAME_ASC -> after == null
                    ? select.orderBy(REGISTRY_BENEFICIARY.NAME_KEY.asc(), REGISTRY_BENEFICIARY.ID.asc()).limit(limit)
                    : select.orderBy(REGISTRY_BENEFICIARY.NAME_KEY.asc(), REGISTRY_BENEFICIARY.ID.asc())
                            .seek(NameKey.of(after.fullName()), after.id()).limit(limit);
            case NAME_DESC -> after == null
                    ? select.orderBy(REGISTRY_BENEFICIARY.NAME_KEY.desc(), REGISTRY_BENEFICIARY.ID.desc()).limit(limit)
                    : select.orderBy(REGISTRY_BENEFICIARY.NAME_KEY.desc(), REGISTRY_BENEFICIARY.ID.desc())
                            .seek(NameKey.of(after.fullName()), after.id()).limit(limit);
        };
        return page.fetch(summary(categoryOf));
    }

    /** Rows matching the filter within scope, counted up to {@code cap} (the list shows "10.000+" beyond). */
    int countUpTo(BeneficiaryFilter filter, int cap) {
        return dsl.fetchCount(dsl.selectOne().from(REGISTRY_BENEFICIARY).where(visible()).and(matching(filter)).limit(cap));
    }

    /** Every row matching the filter within scope as a list row, newest first, streamed. */
    void forEach(BeneficiaryFilter filter, IntFunction<String> categoryOf, Consumer<BeneficiarySummary> consumer) {
        RecordMapper<Record11<Long, String, String, RegistryBeneficiarySex, LocalDate, String, String, String, Integer, RegistryBeneficiaryStatus, String>, BeneficiarySummary> mapper = summary(categoryOf);
        try (var cursor = summaries(matching(filter)).orderBy(REGISTRY_BENEFICIARY.ID.desc()).fetchSize(1000).fetchLazy()) {
            cursor.forEach(r -> consumer.accept(mapper.map(r)));
        }
    }

    /** The columns of a list row only (not the address details or the sensitive notes). */
    private SelectConditionStep<Record11<Long, String, String, RegistryBeneficiarySex, LocalDate, String, String, String, Integer, RegistryBeneficiaryStatus, String>> summaries(Condition condition) {
        return dsl.select(REGISTRY_BENEFICIARY.ID, REGISTRY_BENEFICIARY.NIK, REGISTRY_BENEFICIARY.FULL_NAME,
                        REGISTRY_BENEFICIARY.SEX, REGISTRY_BENEFICIARY.BIRTH_DATE, REGISTRY_BENEFICIARY.KABKOTA_CODE,
                        REGISTRY_BENEFICIARY.KECAMATAN_CODE, REGISTRY_BENEFICIARY.DESA_CODE, REGISTRY_BENEFICIARY.CATEGORY_ID,
                        REGISTRY_BENEFICIARY.STATUS, REGISTRY_BENEFICIARY.REVIEW_FLAGS)
                .from(REGISTRY_BENEFICIARY).where(visible()).and(condition);
    }

    /** A list row straight from the selected columns (NIK masked), without an intermediate table record. */
    private static RecordMapper<Record11<Long, String, String, RegistryBeneficiarySex, LocalDate, String, String, String, Integer, RegistryBeneficiaryStatus, String>, BeneficiarySummary> summary(IntFunction<String> categoryOf) {
        return Records.mapping((id, nik, name, sex, birth, kabkota, kecamatan, desa, category, status, flags) ->
                new BeneficiarySummary(id, NameKey.maskNik(nik), name, Sex.valueOf(sex.getLiteral()), birth, kabkota, kecamatan,
                        desa, categoryOf.apply(category), BeneficiaryStatus.valueOf(status.getLiteral()), flags(flags)));
    }

    /** Visible beneficiaries per kabupaten/kota. */
    Map<String, Integer> countByKabkota() {
        Map<String, Integer> m = new LinkedHashMap<>();
        dsl.select(REGISTRY_BENEFICIARY.KABKOTA_CODE, DSL.count()).from(REGISTRY_BENEFICIARY).where(visible())
                .groupBy(REGISTRY_BENEFICIARY.KABKOTA_CODE).fetch()
                .forEach((Record2<String, Integer> r) -> m.put(r.value1(), r.value2()));
        return m;
    }

    Map<BeneficiaryStatus, Integer> countByStatus() {
        Map<BeneficiaryStatus, Integer> m = new LinkedHashMap<>();
        dsl.select(REGISTRY_BENEFICIARY.STATUS, DSL.count()).from(REGISTRY_BENEFICIARY).where(visible())
                .groupBy(REGISTRY_BENEFICIARY.STATUS).fetch()
                .forEach(r -> m.put(BeneficiaryStatus.valueOf(r.value1().getLiteral()), r.value2()));
        return m;
    }

    Map<String, Integer> countByCategory() {
        Map<String, Integer> m = new LinkedHashMap<>();
        dsl.select(CATEGORY_NAME, DSL.count()).from(REGISTRY_BENEFICIARY)
                .join(REGISTRY_CATEGORY).on(REGISTRY_CATEGORY.ID.eq(REGISTRY_BENEFICIARY.CATEGORY_ID))
                .where(visible()).groupBy(REGISTRY_CATEGORY.NUMBER, CATEGORY_NAME).orderBy(REGISTRY_CATEGORY.NUMBER).fetch()
                .forEach(r -> m.put(r.value1(), r.value2()));
        return m;
    }

    List<Category> categories() {
        return dsl.selectFrom(REGISTRY_CATEGORY).orderBy(REGISTRY_CATEGORY.NUMBER)
                .fetch(r -> new Category(r.getId(), r.getNumber(), r.getName(), Boolean.TRUE.equals(r.getActive())));
    }

    Category addCategory(String name) {
        int number = dsl.select(org.jooq.impl.DSL.max(REGISTRY_CATEGORY.NUMBER)).from(REGISTRY_CATEGORY).fetchOne(0, Integer.class) + 1;
        var r = dsl.newRecord(REGISTRY_CATEGORY);
        r.setNumber(number);
        r.setName(name);
        r.setActive(true);
        r.store();
        return new Category(r.getId(), number, name, true);
    }

    boolean setCategoryActive(int id, boolean active) {
        var r = dsl.selectFrom(REGISTRY_CATEGORY).where(REGISTRY_CATEGORY.ID.eq(id)).fetchOne();
        if (r == null) {
            return false;
        }
        r.setActive(active);
        r.store();
        return true;
    }

    Map<Integer, String> categoryNames() {
        Map<Integer, String> m = new LinkedHashMap<>();
        categories().forEach(c -> m.put(c.id(), c.label()));
        return m;
    }

    /** Household members: visible records sharing a KK number. */
    List<RegistryBeneficiaryRecord> household(String kkNumber, long exceptId) {
        return selectVisible(REGISTRY_BENEFICIARY.KK_NUMBER.eq(kkNumber).and(REGISTRY_BENEFICIARY.ID.ne(exceptId)))
                .orderBy(REGISTRY_BENEFICIARY.BIRTH_DATE).limit(50).fetch();
    }

    /**
     * The filter as a condition. Name words go through the token table; the subquery carries the
     * district (the user's scope, and the filter's) so that its index seeks inside one district.
     */
    private Condition matching(BeneficiaryFilter f) {
        Condition c = DSL.noCondition();
        if (f.nik() != null && !f.nik().isBlank()) {
            c = c.and(REGISTRY_BENEFICIARY.NIK.eq(f.nik().trim()));
        }
        List<String> words = NameKey.tokens(f.name());
        if (!words.isEmpty()) {
            // each word must start a word of the name; the token index answers by a range seek
            for (String w : words) {
                var tokens = DSL.select(REGISTRY_NAME_TOKEN.BENEFICIARY_ID).from(REGISTRY_NAME_TOKEN)
                        .where(scope.visible(REGISTRY_NAME_TOKEN.KABKOTA_CODE))
                        .and(REGISTRY_NAME_TOKEN.TOKEN.like(escape(w) + "%", '!'));
                if (f.kabkotaCode() != null) {
                    tokens = tokens.and(REGISTRY_NAME_TOKEN.KABKOTA_CODE.eq(f.kabkotaCode()));
                }
                c = c.and(REGISTRY_BENEFICIARY.ID.in(tokens));
            }
        }
        if (f.kabkotaCode() != null) {
            c = c.and(REGISTRY_BENEFICIARY.KABKOTA_CODE.eq(f.kabkotaCode()));
        }
        if (f.kecamatanCode() != null) {
            c = c.and(REGISTRY_BENEFICIARY.KECAMATAN_CODE.eq(f.kecamatanCode()));
        }
        if (f.desaCode() != null) {
            c = c.and(REGISTRY_BENEFICIARY.DESA_CODE.eq(f.desaCode()));
        }
        if (f.categoryId() != null) {
            c = c.and(REGISTRY_BENEFICIARY.CATEGORY_ID.eq(f.categoryId()));
        }
        if (f.status() != null) {
            c = c.and(REGISTRY_BENEFICIARY.STATUS.eq(RegistryBeneficiaryStatus.valueOf(f.status().name())));
        } else {
            c = c.and(REGISTRY_BENEFICIARY.STATUS.ne(RegistryBeneficiaryStatus.MERGED));
        }
        if (f.sex() != null) {
            c = c.and(REGISTRY_BENEFICIARY.SEX.eq(RegistryBeneficiarySex.valueOf(f.sex().name())));
        }
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(7));
        if (f.minAge() != null) {
            c = c.and(REGISTRY_BENEFICIARY.BIRTH_DATE.le(today.minusYears(f.minAge())));
        }
        if (f.maxAge() != null) {
            c = c.and(REGISTRY_BENEFICIARY.BIRTH_DATE.gt(today.minusYears(f.maxAge() + 1L)));
        }
        if (f.flaggedOnly()) {
            c = c.and(REGISTRY_BENEFICIARY.REVIEW_FLAGS.isNotNull());
        }
        return c;
    }

    private static String escape(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    static List<String> flags(RegistryBeneficiaryRecord r) {
        return flags(r.getReviewFlags());
    }

    static List<String> flags(String reviewFlags) {
        return reviewFlags == null ? List.of() : Arrays.asList(reviewFlags.split(","));
    }

    static RegistryBeneficiaryLegalBasis legalBasis(LegalBasis b) {
        return RegistryBeneficiaryLegalBasis.valueOf(b.name());
    }
}
