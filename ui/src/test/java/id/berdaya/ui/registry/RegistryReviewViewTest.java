package id.berdaya.ui.registry;

import id.berdaya.registry.RegistryFixture;
import id.berdaya.registry.Sex;
import id.berdaya.registry.beneficiary.BeneficiaryFilter;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import id.berdaya.registry.beneficiary.BeneficiaryStatus;
import id.berdaya.registry.duplicate.DuplicateService;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import id.berdaya.BerdayaApplication;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.ui.views.BerandaView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The duplicate queue, the category list and the register's figures on Beranda, without a browser. */
@SpringBootTest(classes = BerdayaApplication.class)
class RegistryReviewViewTest extends SpringBrowserlessTest {

    @Autowired TestAccounts accounts;
    @Autowired BeneficiaryService registry;
    @Autowired RegistryFixture fixture;

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    @Test
    void aVerifierMergesAPairFromTheQueue() {
        TestAccounts.loginAs(accounts.ensure("uji.antri.op", Role.DISTRICT_OPERATOR, "33.03"));
        LocalDate birth = RegistryFixture.birth();
        long older = registry.register(fixture.person("33.03", "Rukmini Antrian Ganda", birth, Sex.P)).id();
        long newer = registry.register(fixture.person("33.03", "Rukmini Antrian-Ganda", birth, Sex.P)).id();

        TestAccounts.loginAs(accounts.ensure("uji.antri.verif", Role.PROVINCE_OFFICER, null));
        // the detail page links to this record's pairs in the queue
        navigate("penerima-manfaat/" + newer, BeneficiaryDetailView.class);
        RouterLink review = find(RouterLink.class).id("review-duplicates");
        assertThat(review.getText()).contains("1");
        assertThat(review.getHref()).isEqualTo("penerima-manfaat/duplikat?penerima=" + newer);
        com.vaadin.flow.component.UI.getCurrent().navigate(DuplicatesView.class, DuplicatesView.of(newer)); // where the link leads
        assertThat(find(Span.class).id("duplicate-count").getText()).contains("#" + newer);
        Button keep = find(Button.class).all().stream().filter(b -> b.getId().orElse("").startsWith("keep-existing-"))
                .filter(b -> b.getParent().flatMap(p -> p.getParent()).map(c -> c.getElement().getTextRecursively().contains("#" + newer)).orElse(false))
                .findFirst().orElseThrow();
        test(keep).click();

        assertThat(registry.get(newer).orElseThrow().status()).isEqualTo(BeneficiaryStatus.MERGED);
        assertThat(registry.get(older).orElseThrow().status()).isEqualTo(BeneficiaryStatus.REGISTERED);
        assertThat(find(Span.class).id("duplicate-count").getText()).startsWith("0");

        // a record without open pairs has no such link
        navigate("penerima-manfaat/" + older, BeneficiaryDetailView.class);
        assertThat(find(RouterLink.class).all()).noneMatch(l -> l.getId().orElse("").equals("review-duplicates"));
    }

    @Test
    void theQueueSaysWhichPartsOfTheTwoNiksDifferAndRevealsBothForOneReason() {
        TestAccounts.loginAs(accounts.ensure("uji.antri.op", Role.DISTRICT_OPERATOR, "33.03"));
        LocalDate birth = RegistryFixture.birth();
        var first = fixture.person("33.03", "Partini Antrian Nomor", birth, Sex.P);
        var second = fixture.person("33.03", "Partini Antrian-Nomor", birth, Sex.P);
        registry.register(first);
        long newer = registry.register(second).id();

        TestAccounts.loginAs(accounts.ensure("uji.antri.verif", Role.PROVINCE_OFFICER, null));
        navigate(DuplicatesView.class);
        com.vaadin.flow.component.UI.getCurrent().navigate(DuplicatesView.class, DuplicatesView.of(newer));
        long pair = pairOf(newer);
        assertThat(find(Span.class).id("nik-compared-" + pair).getText()).isEqualTo("NIK · Sama: wilayah, tanggal lahir · Beda: nomor urut");
        assertThat(find(Span.class).id("nik-newer-" + pair).getText()).isEqualTo("3303 •••• •••• ••••");
        assertThat(find(Span.class).id("nik-existing-" + pair).getText()).isEqualTo("3303 •••• •••• ••••");

        test(find(Button.class).id("reveal-pair-" + pair)).click();
        test(find(com.vaadin.flow.component.textfield.TextField.class).id("reveal-reason")).setValue("cocokkan dua KTP");
        test(find(Button.class).id("reveal-confirm")).click();
        assertThat(find(Span.class).id("nik-newer-" + pair).getText()).isEqualTo(second.nik());
        assertThat(find(Span.class).id("nik-existing-" + pair).getText()).isEqualTo(first.nik());
    }

    @Test
    void theQueueShowsTheDistrictChosen() {
        TestAccounts.loginAs(accounts.ensure("uji.antri.op.pkl", Role.DISTRICT_OPERATOR, "33.26"));
        LocalDate birth = RegistryFixture.birth();
        registry.register(fixture.person("33.26", "Sutinah Antrian Kabupaten", birth, Sex.P));
        long newer = registry.register(fixture.person("33.26", "Sutinah Antrian-Kabupaten", birth, Sex.P)).id();

        TestAccounts.loginAs(accounts.ensure("uji.antri.verif", Role.PROVINCE_OFFICER, null));
        DuplicatesView view = navigate(DuplicatesView.class);
        test(view.kabkota).selectItem("Kabupaten Pekalongan");
        assertThat(find(Span.class).id("duplicate-count").getText()).doesNotStartWith("0 ");
        assertThat(find(Button.class).withId("dismiss-" + pairOf(newer)).all()).hasSize(1);

        test(view.kabkota).selectItem("Kabupaten Purbalingga");
        assertThat(find(Button.class).withId("dismiss-" + pairOf(newer)).all()).isEmpty();
    }

    /** The id of the open pair whose newer record is {@code newer}, read from the queue's service. */
    @Autowired id.berdaya.registry.duplicate.DuplicateService duplicateService;

    private long pairOf(long newer) {
        return duplicateService.openOf(newer).getFirst().id();
    }

    @Test
    void anAdministratorAddsACategory() {
        TestAccounts.loginAs(accounts.ensure("uji.kategori.admin", Role.PROVINCE_ADMIN, null));
        CategoriesView view = navigate(CategoriesView.class);
        int before = test(view.grid).size();
        test(view.name).setValue("Kategori Uji Layar " + System.nanoTime() % 1000);
        test(find(Button.class).id("category-add")).click();
        assertThat(test(view.grid).size()).isEqualTo(before + 1);
        assertThat(before).isGreaterThanOrEqualTo(26);
    }

    @Test
    @SuppressWarnings("unchecked")
    void homeShowsTheRegisterInNumbersWithinTheUsersScope() {
        TestAccounts.loginAs(accounts.ensure("uji.angka.kadinsos", Role.DISTRICT_HEAD, "33.26"));
        navigate(BerandaView.class);
        long before = registeredOnTheScorecard();
        TestAccounts.loginAs(accounts.ensure("uji.angka.op", Role.DISTRICT_OPERATOR, "33.26"));
        registry.register(fixture.person("33.26", "Angka Beranda Satu", RegistryFixture.birth(), Sex.L));

        TestAccounts.loginAs(accounts.ensure("uji.angka.pendamping", Role.FIELD_OFFICER, "33.26"));
        navigate(id.berdaya.ui.views.WilayahView.class);  // leave Beranda, so that it is built anew for this user
        navigate(BerandaView.class);
        assertThat(registeredOnTheScorecard()).as("the district's total on the scorecard counts the new person").isEqualTo(before + 1);
        assertThat(find(Grid.class).withId("register-by-category").all()).as("no categories on the Beranda").isEmpty();
    }

    /** The district's total of people registered, from the scorecard's footer. */
    private long registeredOnTheScorecard() {
        Grid<id.berdaya.monitoring.scorecard.ScorecardRow> card = find(Grid.class).withId("scorecard").single();
        var footer = card.getFooterRows().getFirst().getCell(card.getColumnByKey("REGISTERED")).getComponent();
        return Long.parseLong(footer.getElement().getText().replace(".", ""));
    }
}
