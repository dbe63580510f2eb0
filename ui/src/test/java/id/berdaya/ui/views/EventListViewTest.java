package id.berdaya.ui.views;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.training.TrainingFixture;
import id.berdaya.training.event.EventService;
import id.berdaya.training.event.NewEvent;
import id.berdaya.training.event.TrainingEvent;
import id.berdaya.training.partner.Partner;
import id.berdaya.ui.i18n.BerdayaI18NProvider;
import id.berdaya.ui.training.EventListView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** /pelatihan per role: what each sees is the service's answer. */
class EventListViewTest extends ViewTestSupport {

    @Autowired EventService events;
    @Autowired TrainingFixture fixture;

    @SuppressWarnings("unchecked")
    private List<TrainingEvent> rows() {
        Grid<TrainingEvent> grid = find(Grid.class).single();
        return grid.getGenericDataView().getItems().toList();
    }

    @Test
    void eachRoleSeesTheEventsOfItsScopeAndAPartnerOnlyThoseOfItsAgency() {
        TrainingFixture.AgencyAccount aa = fixture.agencyWithAccount("Polres Uji Tampilan", "33.03");
        Partner agency = aa.partner();
        BerdayaUser partnerUser = aa.user();

        loginAs("uji.pel.op.pbg", Role.DISTRICT_OPERATOR, "33.03");
        NewEvent withAgency = fixture.event("33.03", null);
        TrainingEvent given = events.create(withAgency);
        events.addSession(given.id(), TrainingFixture.session(withAgency, 0, agency.id()));
        TrainingEvent other = events.create(fixture.event("33.03", null));

        navigate(EventListView.class);
        assertThat(rows()).extracting(TrainingEvent::id).contains(given.id(), other.id());

        loginAs("uji.pel.op.pkl", Role.DISTRICT_OPERATOR, "33.26");
        navigate(EventListView.class);
        assertThat(rows()).extracting(TrainingEvent::id).doesNotContain(given.id(), other.id());

        TestAccounts.loginAs(partnerUser);
        navigate(EventListView.class);
        assertThat(menu()).contains("Pelatihan");
        assertThat(rows()).extracting(TrainingEvent::id).containsExactly(given.id());
        assertThat(rows()).allSatisfy(e -> assertThat(e.internalTitle()).isNull());
    }

    @Test
    void theExportsSheetIsNamedInTheUsersLanguage() throws java.io.IOException {
        loginAs("uji.pel.op.pbg", Role.DISTRICT_OPERATOR, "33.03");
        events.create(fixture.event("33.03", null));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        events.export(null, navigate(EventListView.class).sheet(), java.util.Map.of(), out);
        assertThat(TranslatedWidgetsViewTest.sheetName(out)).isEqualTo("Pelatihan");

        UI.getCurrent().setLocale(BerdayaI18NProvider.ENGLISH);
        out = new java.io.ByteArrayOutputStream();
        events.export(null, navigate(EventListView.class).sheet(), java.util.Map.of(), out);
        assertThat(TranslatedWidgetsViewTest.sheetName(out)).isEqualTo("Training events");
    }
}
