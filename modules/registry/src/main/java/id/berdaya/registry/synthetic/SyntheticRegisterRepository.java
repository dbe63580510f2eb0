package id.berdaya.registry.synthetic;

import id.berdaya.registry.RegistryEntity;
import id.berdaya.registry.nik.NameKey;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.core.scope.UnscopedReason;
import id.berdaya.db.tables.records.RegistryBeneficiaryRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static id.berdaya.db.Tables.REGISTRY_BENEFICIARY;
import static id.berdaya.db.Tables.REGISTRY_CATEGORY;
import static id.berdaya.db.Tables.REGISTRY_DUPLICATE;
import static id.berdaya.db.Tables.REGISTRY_NAME_TOKEN;

/**
 * Bulk writes of synthetic beneficiaries into the tables the service writes (the record, its name
 * tokens, the duplicate queue), with {@code LOAD DATA LOCAL INFILE}. Its reads are province-wide
 * on purpose (the next free id, the synthetic NIK serials in use, how many rows exist): only the
 * generator and the demo seeding use this class, never a user's request.
 */
@Repository
@Profile({"demo", SyntheticRegister.PROFILE})
class SyntheticRegisterRepository extends DistrictScopedRepository<RegistryBeneficiaryRecord> {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Every statement of the generator: province-wide, without a user. */
    private DSLContext generator() {
        return unscoped(UnscopedReason.SYNTHETIC_GENERATOR);
    }

    SyntheticRegisterRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, REGISTRY_BENEFICIARY, REGISTRY_BENEFICIARY.KABKOTA_CODE, REGISTRY_BENEFICIARY.ID, RegistryEntity.BENEFICIARY);
    }

    long maxId() {
        Long max = generator().select(DSL.max(REGISTRY_BENEFICIARY.ID)).from(REGISTRY_BENEFICIARY).fetchOne(0, Long.class);
        return max == null ? 0 : max;
    }

    /** Rows in the whole register (all districts). */
    Map<Long, String> kecamatanOf(java.util.Collection<Long> ids) {
        var b = REGISTRY_BENEFICIARY;
        return ids.isEmpty() ? Map.of() : generator().select(b.ID, b.KECAMATAN_CODE).from(b).where(b.ID.in(ids)).fetchMap(b.ID, b.KECAMATAN_CODE);
    }

    int total() {
        return generator().fetchCount(REGISTRY_BENEFICIARY);
    }

    /** Rows written by this creator (e.g. the demo seeding), all districts. */
    boolean anyCreatedBy(String createdBy) {
        return generator().fetchExists(REGISTRY_BENEFICIARY, REGISTRY_BENEFICIARY.CREATED_BY.eq(createdBy));
    }

    /** The highest synthetic serial per NIK prefix (first 12 digits), so that new NIKs never collide. */
    Map<String, Integer> lastSyntheticSerials() {
        Map<String, Integer> m = new HashMap<>();
        var prefix = DSL.left(REGISTRY_BENEFICIARY.NIK, 12);
        var serial = DSL.max(DSL.right(REGISTRY_BENEFICIARY.NIK, 4));
        generator().select(prefix, serial).from(REGISTRY_BENEFICIARY)
                .where(DSL.right(REGISTRY_BENEFICIARY.NIK, 4).ge(String.valueOf(SyntheticNik.FIRST_SYNTHETIC_SERIAL)))
                .groupBy(prefix)
                .forEach(r -> m.put(r.value1(), Integer.parseInt(r.value2())));
        return m;
    }

    /** The active beneficiaries (id, district, name) of all districts, grouped by district, in id order. */
    Map<String, List<SyntheticRegister.Enrollable>> enrollableByDistrict() {
        var b = REGISTRY_BENEFICIARY;
        Map<String, List<SyntheticRegister.Enrollable>> m = new java.util.TreeMap<>();
        try (var cursor = generator().select(b.ID, b.KABKOTA_CODE, b.FULL_NAME).from(b)
                .where(b.STATUS.eq(id.berdaya.db.enums.RegistryBeneficiaryStatus.ACTIVE)).orderBy(b.ID).fetchSize(10_000).fetchLazy()) {
            for (var r : cursor) {
                m.computeIfAbsent(r.value2(), k -> new java.util.ArrayList<>())
                        .add(new SyntheticRegister.Enrollable(r.value1(), r.value2(), r.value3()));
            }
        }
        return m;
    }

    Map<Integer, Integer> categoryIdsByNumber() {
        return generator().select(REGISTRY_CATEGORY.NUMBER, REGISTRY_CATEGORY.ID).from(REGISTRY_CATEGORY)
                .fetchMap(REGISTRY_CATEGORY.NUMBER, REGISTRY_CATEGORY.ID);
    }

    /**
     * Writes the people (with explicit ids) and their name tokens, in the caller's transaction.
     * {@code LOAD DATA LOCAL} skips a row that clashes with a key instead of failing, so the
     * counts are checked: a row taken meanwhile by another writer fails the whole chunk.
     */
    void load(List<SyntheticPeople.Person> people, Map<Integer, Integer> categoryIds, String createdBy) {
        Path rows = null;
        Path tokens = null;
        try {
            rows = Files.createTempFile("berdaya-beneficiaries", ".tsv");
            tokens = Files.createTempFile("berdaya-name-tokens", ".tsv");
            int tokenCount = 0;
            try (Writer b = Files.newBufferedWriter(rows, StandardCharsets.UTF_8);
                 Writer t = Files.newBufferedWriter(tokens, StandardCharsets.UTF_8)) {
                for (SyntheticPeople.Person p : people) {
                    String created = TIMESTAMP.format(p.createdAt());
                    b.write(tsv(p.id(), p.nik(), p.kkNumber(), p.fullName(), NameKey.of(p.fullName()), p.sex().name(),
                            p.birthPlace(), p.birthDate(), p.kabkotaCode(), p.kecamatanCode(), p.desaCode(), p.rt(), p.rw(),
                            p.street(), p.phone(), p.maritalStatus(), p.education(), p.occupation(),
                            categoryIds.get(p.categoryNumber()), p.referralSource(), p.legalBasis().name(), p.status().name(),
                            p.reviewFlags(), createdBy, created, created));
                    for (String token : NameKey.tokens(p.fullName())) {
                        t.write(tsv(p.id(), p.kabkotaCode(), token));
                        tokenCount++;
                    }
                }
            }
            expect(people.size(), generator().execute("LOAD DATA LOCAL INFILE {0} INTO TABLE {1} CHARACTER SET utf8mb4 "
                            + "(id, nik, kk_number, full_name, name_key, sex, birth_place, birth_date, kabkota_code, kecamatan_code, "
                            + "desa_code, rt, rw, street, phone, marital_status, education, occupation, category_id, "
                            + "referral_source, legal_basis, status, review_flags, created_by, created_at, updated_at)",
                    DSL.inline(rows.toString()), REGISTRY_BENEFICIARY));
            expect(tokenCount, generator().execute("LOAD DATA LOCAL INFILE {0} INTO TABLE {1} CHARACTER SET utf8mb4 (beneficiary_id, kabkota_code, token)",
                    DSL.inline(tokens.toString()), REGISTRY_NAME_TOKEN));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(rows);
            deleteQuietly(tokens);
        }
    }

    private static void expect(int expected, int loaded) {
        if (loaded != expected) {
            throw new IllegalStateException("LOAD DATA stored " + loaded + " of " + expected
                    + " rows: another writer took an id or a NIK meanwhile; this chunk is rolled back");
        }
    }

    /** One line of tab-separated values; null as {@code \N}. The values hold no tabs, newlines or backslashes. */
    private static String tsv(Object... values) {
        StringBuilder s = new StringBuilder(256);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                s.append('\t');
            }
            s.append(values[i] == null ? "\\N" : values[i].toString());
        }
        return s.append('\n').toString();
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temporary file; the OS cleans its temp directory
            }
        }
    }

    /**
     * Queues possible duplicates of the loaded rows exactly as a registration does: each new record
     * against every earlier record with the same normalised name and birth date.
     */
    private static final String SIMILAR_INDEX = "ix_registry_beneficiary_name_all"; // (name_key, birth_date, id)

    int openDuplicates(long firstId, long lastId) {
        var n = REGISTRY_BENEFICIARY.as("n");
        var o = REGISTRY_BENEFICIARY.as("o");
        return generator().insertInto(REGISTRY_DUPLICATE, REGISTRY_DUPLICATE.BENEFICIARY_ID, REGISTRY_DUPLICATE.OTHER_ID,
                        REGISTRY_DUPLICATE.KABKOTA_CODE, REGISTRY_DUPLICATE.REASON)
                .select(DSL.select(n.ID, o.ID, n.KABKOTA_CODE, DSL.inline("NAME_BIRTHDATE"))
                        // the new rows drive, each looked up in the similarity index: on a table that was
                        // empty when its statistics were taken, the optimiser otherwise scans (16 s for
                        // the first 20,000 generated rows instead of 0.1 s)
                        .from(n).straightJoin(o.useIndex(SIMILAR_INDEX)).on(o.NAME_KEY.eq(n.NAME_KEY), o.BIRTH_DATE.eq(n.BIRTH_DATE), o.ID.lt(n.ID))
                        .where(n.ID.between(firstId, lastId)))
                .onDuplicateKeyIgnore()
                .execute();
    }
}
