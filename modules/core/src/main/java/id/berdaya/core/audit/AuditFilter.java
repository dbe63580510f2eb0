package id.berdaya.core.audit;

import java.time.LocalDate;

/**
 * Filter of the audit list; every field is optional.
 *
 * @param username     exact user name
 * @param action       exact action code, see {@link AuditAction#code()}
 * @param kabkotaCode  district the event belongs to or names (a probe of its record)
 * @param from         first day (inclusive, in WIB)
 * @param to           last day (inclusive, in WIB)
 */
public record AuditFilter(String username, String action, String kabkotaCode, LocalDate from, LocalDate to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null);
    }
}
