package id.berdaya.ui.views;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import id.berdaya.core.audit.AuditEntry;
import id.berdaya.core.audit.AuditFilter;
import id.berdaya.core.audit.AuditService;
import id.berdaya.core.audit.CoreAction;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.NewUser;
import id.berdaya.core.user.UserService;
import id.berdaya.registry.lookup.ForeignNikService;
import com.vaadin.flow.component.html.Div;
import id.berdaya.core.RuleViolation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Beranda's latest events: in words, with district names, and a probe shown to the probed district. */
class BerandaAuditViewTest extends ViewTestSupport {

    @Autowired UserService users;
    @Autowired AuditService audit;
    @Autowired ForeignNikService foreignNiks;

    @Test
    void provinceAdministratorsSeeAnAlertWhenAnOperatorGoesPastTheDailyLimitOfForeignNiks() {
        String operator = "uji.beranda.peringatan." + System.nanoTime() % 1_000_000;
        loginAs(operator, Role.DISTRICT_OPERATOR, "33.03");
        for (int i = 0; i <= 20; i++) {
            try {
                foreignNiks.foundElsewhere(List.of("3326%012d".formatted(800_000_000L + i)), ForeignNikService.Via.FORM);
            } catch (RuleViolation refused) {
                assertThat(i).as("the 21st is refused").isEqualTo(20);
            }
        }
        navigate(BerandaView.class);
        assertThat(find(Div.class).withId("alerts").all()).as("an operator has no alerts panel").isEmpty();

        loginAs("uji.beranda.admin", Role.PROVINCE_ADMIN, null);
        navigate(WilayahView.class);
        navigate(BerandaView.class);
        String alerts = find(Div.class).withId("alerts").single().getElement().getTextRecursively();
        assertThat(alerts).startsWith("Peringatan").contains(operator, "Batas harian pencarian NIK terlampaui", "(33.03)")
                .doesNotContain("33.26");
    }

    @Test
    @SuppressWarnings("unchecked")
    void purbalinggaSeesThatPekalonganProbedItsRecord_aThirdDistrictDoesNot() {
        String run = String.valueOf(System.nanoTime() % 1_000_000);
        loginAs("uji.beranda.admin", Role.PROVINCE_ADMIN, null);
        users.create(new NewUser("uji.beranda.op.pbg." + run, "Operator Uji", Role.DISTRICT_OPERATOR, "33.03", "id"));
        long purbalinggaEvent = audit.page(new AuditFilter("uji.beranda.admin", CoreAction.USER_CREATED.code(), "33.03", null, null), 0, 1)
                .getFirst().id();

        String prober = "uji.beranda.kadinsos.pkl." + run;
        loginAs(prober, Role.DISTRICT_HEAD, "33.26");
        assertThat(audit.find(purbalinggaEvent)).as("another district's record is not found").isEmpty();

        loginAs("uji.beranda.kadinsos.pbg", Role.DISTRICT_HEAD, "33.03");
        navigate(BerandaView.class);
        Grid<AuditEntry> latest = find(Grid.class).withId("latest-audit").single();
        List<List<String>> rows = IntStream.range(0, test(latest).size())
                .mapToObj(r -> IntStream.range(0, 5).mapToObj(c -> test(latest).getCellText(r, c)).toList()).toList();
        List<String> probe = rows.stream().filter(r -> r.get(1).equals(prober)).findFirst()
                .orElseThrow(() -> new AssertionError("Purbalingga's Beranda does not show the probe: " + rows));
        assertThat(probe.get(2)).isEqualTo("Akses data wilayah lain ditolak");
        assertThat(probe.get(3)).isEqualTo("Jejak audit #" + purbalinggaEvent);
        assertThat(probe.get(4)).isEqualTo("Kabupaten Pekalongan (33.26) → Kabupaten Purbalingga (33.03)");

        loginAs("uji.beranda.kadinsos.bms", Role.DISTRICT_HEAD, "33.02");
        navigate("pengguna", Component.class); // refused and audited: an event of Banyumas's own
        navigate(BerandaView.class);
        Grid<AuditEntry> banyumas = find(Grid.class).withId("latest-audit").single();
        List<String> districts = IntStream.range(0, test(banyumas).size()).mapToObj(r -> test(banyumas).getCellText(r, 4)).toList();
        assertThat(districts).isNotEmpty().allMatch(d -> d.contains("(33.02)"));
        assertThat(IntStream.range(0, test(banyumas).size()).mapToObj(r -> test(banyumas).getCellText(r, 1)))
                .doesNotContain(prober);
    }
}
