package id.berdaya.training.certificate;

import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.tables.records.TrainingCertificateNumberRecord;
import id.berdaya.training.TrainingEntity;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.List;

import static id.berdaya.db.Tables.TRAINING_CERTIFICATE_NUMBER;

/**
 * The certificate numbers per kabupaten/kota and year. {@code INSERT ... ON DUPLICATE KEY UPDATE}
 * takes the counter row's exclusive lock (also for the year's first numbers), so two events of one
 * district closed at once are numbered one after the other.
 */
@Repository
class CertificateNumberRepository extends DistrictScopedRepository<TrainingCertificateNumberRecord> {

    CertificateNumberRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, TRAINING_CERTIFICATE_NUMBER, TRAINING_CERTIFICATE_NUMBER.KABKOTA_CODE, TRAINING_CERTIFICATE_NUMBER.ID,
                TrainingEntity.CERTIFICATE);
    }

    /** Reserves {@code count} numbers of the district's year and answers the first, held by this transaction until it ends. */
    int reserve(String kabkota, int year, int count) {
        var t = TRAINING_CERTIFICATE_NUMBER;
        writing(kabkota).insertInto(t, t.KABKOTA_CODE, t.YEAR, t.LAST_SEQ).values(kabkota, (short) year, count)
                .onDuplicateKeyUpdate().set(t.LAST_SEQ, t.LAST_SEQ.plus(count)).execute();
        int last = selectVisible(List.of(t.LAST_SEQ), t.KABKOTA_CODE.eq(kabkota).and(t.YEAR.eq((short) year))).fetchOne(0, Integer.class);
        return last - count + 1;
    }
}
