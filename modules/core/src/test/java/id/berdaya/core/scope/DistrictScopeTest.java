package id.berdaya.core.scope;

import id.berdaya.core.CoreTestApplication;
import id.berdaya.core.audit.CoreAction;
import id.berdaya.core.audit.AuditEntry;
import id.berdaya.core.audit.AuditFilter;
import id.berdaya.core.audit.AuditService;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.NewUser;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.core.user.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * District scope on a district-owned table (the audit trail): a Pekalongan user cannot read,
 * list or count Purbalingga's rows; asking for one by id is "not found" and audited as a denial.
 */
@SpringBootTest(classes = CoreTestApplication.class)
class DistrictScopeTest {

    @Autowired TestAccounts accounts;
    @Autowired UserService users;
    @Autowired AuditService audit;

    BerdayaUser admin;
    BerdayaUser purbalinggaHead;
    BerdayaUser pekalonganHead;
    BerdayaUser banyumasHead;
    long purbalinggaEvent;
    long pekalonganEvent;

    @BeforeEach
    void purbalinggaHasAnAuditedEvent() {
        admin = accounts.ensure("uji.admin.scope", Role.PROVINCE_ADMIN, null);
        purbalinggaHead = accounts.fresh("uji.kadinsos.pbg", Role.DISTRICT_HEAD, "33.03");
        pekalonganHead = accounts.fresh("uji.kadinsos.pkl", Role.DISTRICT_HEAD, "33.26");
        banyumasHead = accounts.fresh("uji.kadinsos.bms", Role.DISTRICT_HEAD, "33.02");
        TestAccounts.loginAs(admin);
        users.create(new NewUser("uji.op.pbg." + System.nanoTime() % 100000, "Operator Uji", Role.DISTRICT_OPERATOR, "33.03", "id"));
        purbalinggaEvent = audit.page(new AuditFilter(admin.getUsername(), CoreAction.USER_CREATED.code(), "33.03", null, null), 0, 1)
                .getFirst().id();
        users.create(new NewUser("uji.op.pkl." + System.nanoTime() % 100000, "Operator Uji", Role.DISTRICT_OPERATOR, "33.26", "id"));
        pekalonganEvent = audit.page(new AuditFilter(admin.getUsername(), CoreAction.USER_CREATED.code(), "33.26", null, null), 0, 1)
                .getFirst().id();
    }

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    @Test
    void pekalonganHeadCannotListPurbalinggaRows() {
        TestAccounts.loginAs(pekalonganHead);
        List<AuditEntry> latest = audit.latest(100);
        assertThat(latest).allMatch(e -> "33.26".equals(e.kabkotaCode()) || "33.26".equals(e.subjectKabkotaCode()));
        assertThat(latest).anyMatch(e -> e.id() == pekalonganEvent).noneMatch(e -> e.id() == purbalinggaEvent);
    }

    @Test
    void pekalonganHeadCannotReadAPurbalinggaRowById_andTheAttemptIsAudited() {
        TestAccounts.loginAs(pekalonganHead);
        assertThat(audit.find(purbalinggaEvent)).isEmpty();

        TestAccounts.loginAs(admin);
        List<AuditEntry> denials = audit.page(new AuditFilter(pekalonganHead.getUsername(), CoreAction.SCOPE_DENIED.code(), null, null, null), 0, 10);
        assertThat(denials).hasSize(1);
        assertThat(denials.getFirst().entityId()).isEqualTo(String.valueOf(purbalinggaEvent));
        assertThat(denials.getFirst().kabkotaCode()).isEqualTo("33.26");
        assertThat(denials.getFirst().newValue()).contains("33.03");
        assertThat(denials.getFirst().subjectKabkotaCode()).isEqualTo("33.03");
    }

    @Test
    void aProbeOfPurbalinggasRecordIsSeenByPurbalinggaButNotByAThirdDistrict() {
        TestAccounts.loginAs(pekalonganHead);
        assertThat(audit.find(purbalinggaEvent)).isEmpty();

        TestAccounts.loginAs(purbalinggaHead);
        AuditEntry probe = audit.latest(100).stream()
                .filter(e -> e.action().equals(CoreAction.SCOPE_DENIED.code()) && pekalonganHead.getUsername().equals(e.username()))
                .findFirst().orElseThrow(() -> new AssertionError("Purbalingga does not see the probe of its record"));
        assertThat(probe.entityId()).isEqualTo(String.valueOf(purbalinggaEvent));
        assertThat(probe.kabkotaCode()).isEqualTo("33.26");
        assertThat(audit.find(probe.id())).as("opened by id, too").isPresent();

        TestAccounts.loginAs(pekalonganHead);
        assertThat(audit.find(probe.id())).as("the prober's own district still sees it").isPresent();

        TestAccounts.loginAs(banyumasHead);
        assertThat(audit.latest(100)).noneMatch(e -> e.id() == probe.id());
        assertThat(audit.find(probe.id())).isEmpty();

        TestAccounts.loginAs(admin);
        assertThat(audit.page(new AuditFilter(pekalonganHead.getUsername(), CoreAction.SCOPE_DENIED.code(), "33.03", null, null), 0, 10))
                .as("the province filters the probe under either district").extracting(AuditEntry::id).contains(probe.id());
    }

    @Test
    void districtScopeAppliesToCountsAsToPages() {
        // the province administrator counts Purbalingga's events; through the same scope a
        // Pekalongan user counting Purbalingga's district gets zero
        TestAccounts.loginAs(admin);
        AuditFilter purbalingga = new AuditFilter(null, null, "33.03", null, null);
        assertThat(audit.count(purbalingga)).isPositive();
        assertThat(audit.page(purbalingga, 0, 50)).isNotEmpty()
                .allMatch(e -> "33.03".equals(e.kabkotaCode()) || "33.03".equals(e.subjectKabkotaCode()));

        TestAccounts.loginAs(purbalinggaHead);
        assertThat(audit.find(purbalinggaEvent)).isPresent();
    }

    @Test
    void theScopeConditionItselfFiltersByDistrictForDistrictUsersOnly(@Autowired DistrictScope scope) {
        TestAccounts.loginAs(pekalonganHead);
        assertThat(scope.canSee("33.26")).isTrue();
        assertThat(scope.canSee("33.03")).isFalse();
        TestAccounts.loginAs(admin);
        assertThat(scope.canSee("33.03")).isTrue();
        TestAccounts.logout();
        assertThat(scope.canSee("33.26")).as("no user, no rows").isFalse();
    }
}
