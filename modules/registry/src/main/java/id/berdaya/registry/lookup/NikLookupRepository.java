package id.berdaya.registry.lookup;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import static id.berdaya.db.Tables.REGISTRY_NIK_HASH_KEY;
import static id.berdaya.db.Tables.REGISTRY_NIK_LOOKUP_DAY;
import static id.berdaya.db.Tables.REGISTRY_NIK_LOOKUP_HASH;

/**
 * The per-user, per-day count of foreign NIK matches and the hashes behind it (not district-owned:
 * a row belongs to a user). Counting runs under the lock of the user's day row, so parallel
 * lookups by the same user are counted one after the other.
 */
@Repository
class NikLookupRepository {

    private final DSLContext dsl;

    NikLookupRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The key of the NIK hashes (drawn by the migration). */
    byte[] hashKey() {
        return dsl.select(REGISTRY_NIK_HASH_KEY.HASH_KEY).from(REGISTRY_NIK_HASH_KEY).where(REGISTRY_NIK_HASH_KEY.ID.eq((byte) 1))
                .fetchSingle(REGISTRY_NIK_HASH_KEY.HASH_KEY);
    }

    /** Today's matches without a lock (0 when none yet). */
    int matches(String username, LocalDate day) {
        Integer m = dsl.select(REGISTRY_NIK_LOOKUP_DAY.MATCHES).from(REGISTRY_NIK_LOOKUP_DAY)
                .where(REGISTRY_NIK_LOOKUP_DAY.USERNAME.eq(username), REGISTRY_NIK_LOOKUP_DAY.DAY.eq(day))
                .fetchOne(REGISTRY_NIK_LOOKUP_DAY.MATCHES);
        return m == null ? 0 : m;
    }

    /**
     * Creates or locks the user's row of the day (exclusively, until the transaction ends) and
     * returns its count. {@code ON DUPLICATE KEY UPDATE} takes the exclusive lock at once, so two
     * parallel callers cannot both hold a shared lock and deadlock on the upgrade.
     */
    int lockDay(String username, LocalDate day) {
        dsl.insertInto(REGISTRY_NIK_LOOKUP_DAY).set(REGISTRY_NIK_LOOKUP_DAY.USERNAME, username).set(REGISTRY_NIK_LOOKUP_DAY.DAY, day)
                .set(REGISTRY_NIK_LOOKUP_DAY.MATCHES, 0)
                .onDuplicateKeyUpdate().set(REGISTRY_NIK_LOOKUP_DAY.MATCHES, REGISTRY_NIK_LOOKUP_DAY.MATCHES).execute();
        return dsl.select(REGISTRY_NIK_LOOKUP_DAY.MATCHES).from(REGISTRY_NIK_LOOKUP_DAY)
                .where(REGISTRY_NIK_LOOKUP_DAY.USERNAME.eq(username), REGISTRY_NIK_LOOKUP_DAY.DAY.eq(day))
                .forUpdate().fetchSingle(REGISTRY_NIK_LOOKUP_DAY.MATCHES);
    }

    /** Which of these hashes the user met already that day (call under {@link #lockDay}). */
    Set<String> known(String username, LocalDate day, Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(dsl.select(REGISTRY_NIK_LOOKUP_HASH.NIK_HASH).from(REGISTRY_NIK_LOOKUP_HASH)
                .where(REGISTRY_NIK_LOOKUP_HASH.USERNAME.eq(username), REGISTRY_NIK_LOOKUP_HASH.DAY.eq(day),
                        REGISTRY_NIK_LOOKUP_HASH.NIK_HASH.in(hashes))
                .forUpdate().fetch(REGISTRY_NIK_LOOKUP_HASH.NIK_HASH));
    }

    /** Notes new hashes and sets the day's count (call under {@link #lockDay}). */
    void count(String username, LocalDate day, Collection<String> newHashes, int matches) {
        if (!newHashes.isEmpty()) {
            var insert = dsl.insertInto(REGISTRY_NIK_LOOKUP_HASH, REGISTRY_NIK_LOOKUP_HASH.USERNAME, REGISTRY_NIK_LOOKUP_HASH.DAY,
                    REGISTRY_NIK_LOOKUP_HASH.NIK_HASH);
            for (String h : newHashes) {
                insert = insert.values(username, day, h);
            }
            insert.onDuplicateKeyIgnore().execute();
        }
        dsl.update(REGISTRY_NIK_LOOKUP_DAY).set(REGISTRY_NIK_LOOKUP_DAY.MATCHES, matches)
                .where(REGISTRY_NIK_LOOKUP_DAY.USERNAME.eq(username), REGISTRY_NIK_LOOKUP_DAY.DAY.eq(day)).execute();
    }
}
