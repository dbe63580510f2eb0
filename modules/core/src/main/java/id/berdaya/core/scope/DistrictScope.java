package id.berdaya.core.scope;

import id.berdaya.core.audit.AuditEntity;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.audit.CoreAction;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.CurrentUser;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.function.Function;

/**
 * The one place that decides which district's rows the current user may see. Province roles see
 * every district; a district-level user sees only their own kabupaten/kota; without a user,
 * nothing (fails closed). Repositories of district-owned tables reach it through
 * {@link DistrictScopedRepository}, never views.
 */
@Component
public class DistrictScope {

    private final AuditLog audit;

    public DistrictScope(AuditLog audit) {
        this.audit = audit;
    }

    /** How far the current user sees: every district, one, or (without a user) none. */
    public enum Reach { ALL, ONE, NONE }

    /**
     * The current user's scope as a value: {@code district} is set for {@link Reach#ONE}. A query
     * that is rendered once and bound many times ({@code RenderedQueries}) writes its reach into
     * its shape and binds the district.
     */
    public record Visibility(Reach reach, String district) {

        /** The condition that keeps a query on a district-owned table inside this scope. */
        public Condition on(Field<String> districtField) {
            return on(districtField, DSL::val);
        }

        /** The same, with the district put into the query by {@code bind} (e.g. as a named parameter). */
        public Condition on(Field<String> districtField, Function<String, Field<String>> bind) {
            return switch (reach) {
                case ALL -> DSL.noCondition();
                case ONE -> districtField.eq(bind.apply(district));
                case NONE -> DSL.falseCondition();
            };
        }

        /** Whether a row of this district lies inside this scope. */
        public boolean includes(String districtCode) {
            return reach == Reach.ALL || reach == Reach.ONE && district.equals(districtCode);
        }

        /** Whether an aggregate of one district, or of the whole province ({@code null}), lies inside this scope. */
        public boolean covers(String districtCodeOrProvince) {
            return districtCodeOrProvince == null ? reach == Reach.ALL : includes(districtCodeOrProvince);
        }
    }

    /** The current user's scope. */
    public Visibility visibility() {
        BerdayaUser u = CurrentUser.get().orElse(null);
        if (u == null || u.role().isDistrictLevel() && u.kabkotaCode() == null) {
            return new Visibility(Reach.NONE, null); // fails closed
        }
        return u.role().isDistrictLevel() ? new Visibility(Reach.ONE, u.kabkotaCode()) : new Visibility(Reach.ALL, null);
    }

    /** The condition that keeps a query on a district-owned table inside the current user's scope. */
    public Condition visible(Field<String> districtField) {
        return visibility().on(districtField);
    }

    /** Whether the current user may see a row of this district. */
    public boolean canSee(String districtCode) {
        return visibility().includes(districtCode);
    }

    /**
     * Records that the current user asked for a row outside their scope; the caller answers "not
     * found". The event belongs to the user's district and is also shown to the row's district.
     */
    public void denied(AuditEntity entityType, Object entityId, String entityDistrict) {
        audit.recordDenial(AuditEvent.of(CoreAction.SCOPE_DENIED).entity(entityType, entityId)
                .subjectDistrict(entityDistrict)
                .after(Map.of("entityDistrict", entityDistrict == null ? "" : entityDistrict)));
    }
}
