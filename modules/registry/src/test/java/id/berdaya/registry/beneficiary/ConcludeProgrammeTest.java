package id.berdaya.registry.beneficiary;

import id.berdaya.registry.registration.NewBeneficiary;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEntry;
import id.berdaya.core.audit.AuditService;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.registry.RegistryFixture;
import id.berdaya.registry.RegistryTestApplication;
import id.berdaya.registry.Sex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Another module's door to a person: where they live ({@code place}) and the end of their programme ({@code concludeProgramme}). */
@SpringBootTest(classes = RegistryTestApplication.class)
class ConcludeProgrammeTest {

    @Autowired BeneficiaryService registry;
    @Autowired RegistryFixture fixture;
    @Autowired TestAccounts accounts;
    @Autowired AuditService audit;

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    @Test
    void theOutcomeEndsAVerifiedOrActivePersonsProgrammeAuditedOnlyInTheirDistrict() {
        BerdayaUser operator = accounts.ensure("uji.reg.op.pbg", Role.DISTRICT_OPERATOR, "33.03");
        BerdayaUser head = accounts.ensure("uji.reg.kadinsos.pbg", Role.DISTRICT_HEAD, "33.03");
        BerdayaUser field = accounts.ensure("uji.reg.lap.pbg", Role.FIELD_OFFICER, "33.03");
        TestAccounts.loginAs(operator);
        NewBeneficiary n = fixture.person("33.03", "Lulus Pemantauan Uji", RegistryFixture.birth(), Sex.L);
        long id = registry.register(n).id();
        long registeredOnly = registry.register(fixture.person("33.03", "Belum Verifikasi Uji", RegistryFixture.birth(), Sex.P)).id();

        TestAccounts.loginAs(field);
        BeneficiaryPlace place = registry.place(id).orElseThrow();
        assertThat(place.kecamatanCode()).isEqualTo(n.kecamatanCode());
        assertThat(place.fullName()).isEqualTo("Lulus Pemantauan Uji");
        assertThat(place.status()).isEqualTo(BeneficiaryStatus.REGISTERED);
        assertThatThrownBy(() -> registry.concludeProgramme(registeredOnly, BeneficiaryStatus.GRADUATED, "Hasil pemantauan uji"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("registry.status.notAllowed");

        TestAccounts.loginAs(head);
        registry.verify(id, registry.get(id).orElseThrow().version());
        TestAccounts.loginAs(operator);
        assertThatThrownBy(() -> registry.concludeProgramme(id, BeneficiaryStatus.GRADUATED, "Hasil pemantauan uji"))
                .isInstanceOf(AccessDeniedException.class);
        TestAccounts.loginAs(accounts.ensure("uji.reg.lap.pkl", Role.FIELD_OFFICER, "33.26"));
        assertThat(registry.place(id)).isEmpty();
        assertThatThrownBy(() -> registry.concludeProgramme(id, BeneficiaryStatus.GRADUATED, "Hasil pemantauan uji"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("error.notFound");

        // verified → active → graduated, each audited with the reason
        TestAccounts.loginAs(field);
        assertThatThrownBy(() -> registry.concludeProgramme(id, BeneficiaryStatus.MOVED, "Hasil pemantauan uji"))
                .isInstanceOf(RuleViolation.class);
        registry.concludeProgramme(id, BeneficiaryStatus.GRADUATED, "Hasil pemantauan uji: usaha berjalan");
        assertThat(registry.place(id).orElseThrow().status()).isEqualTo(BeneficiaryStatus.GRADUATED);
        assertThatThrownBy(() -> registry.concludeProgramme(id, BeneficiaryStatus.EXITED, "Hasil pemantauan uji kedua"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("registry.status.notAllowed");
        TestAccounts.loginAs(head);
        assertThat(audit.history("BENEFICIARY", String.valueOf(id), 20)).filteredOn(e -> e.action().equals("BENEFICIARY_STATUS_CHANGED"))
                .extracting(AuditEntry::username).containsExactly(field.getUsername(), field.getUsername());
    }
}
