package id.berdaya.core.audit;

import java.util.Objects;

/** An action or entity type given as a bare String by a not yet converted caller. Goes with the deprecated API. */
record LegacyCode(String code) implements AuditAction, AuditEntity {

    LegacyCode {
        Objects.requireNonNull(code, "code");
    }
}
