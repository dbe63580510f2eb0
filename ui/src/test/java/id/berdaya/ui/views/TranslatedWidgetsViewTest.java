package id.berdaya.ui.views;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import id.berdaya.core.region.RegionService;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.UserFilter;
import id.berdaya.core.user.UserService;
import id.berdaya.ui.i18n.BerdayaI18NProvider;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Vaadin's own widget texts and the export sheet names follow the user's language. */
class TranslatedWidgetsViewTest extends ViewTestSupport {

    @Autowired RegionService regions;
    @Autowired UserService users;

    @Test
    void theAuditDatePickersSpeakIndonesianOrEnglish() {
        loginAs("uji.widget.admin", Role.PROVINCE_ADMIN, null);
        AuditView view = navigate(AuditView.class);
        for (DatePicker d : List.of(view.from, view.to)) {
            assertThat(d.getI18n().getMonthNames().getFirst()).isEqualTo("Januari");
            assertThat(d.getI18n().getWeekdays().get(1)).isEqualTo("Senin");
            assertThat(d.getI18n().getToday()).isEqualTo("Hari ini");
            assertThat(d.getI18n().getDateFormats()).containsExactly("dd/MM/yyyy");
        }

        UI.getCurrent().setLocale(BerdayaI18NProvider.ENGLISH);
        navigate(WilayahView.class); // a new instance of the audit view, not the one shown
        view = navigate(AuditView.class);
        assertThat(view.from.getI18n().getMonthNames()).startsWith("January", "February");
        assertThat(view.from.getI18n().getWeekdaysShort()).startsWith("Sun", "Mon");
        assertThat(view.from.getI18n().getToday()).isEqualTo("Today");
        assertThat(view.to.getI18n().getCancel()).isEqualTo("Cancel");
        assertThat(view.to.getI18n().getDateFormats()).containsExactly("dd/MM/yyyy");
    }

    @Test
    void theRegionAndUserExportsHaveTranslatedSheetNames() throws IOException {
        loginAs("uji.widget.admin", Role.PROVINCE_ADMIN, null);
        UI.getCurrent().setLocale(BerdayaI18NProvider.ENGLISH);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WilayahView wilayah = navigate(WilayahView.class);
        regions.export("33.03", wilayah.sheet(), out);
        assertThat(sheetName(out)).isEqualTo("Regions");

        out = new ByteArrayOutputStream();
        PenggunaView pengguna = navigate(PenggunaView.class);
        users.export(new UserFilter("uji.widget.admin", null, null, null), pengguna.sheet(), out);
        assertThat(sheetName(out)).isEqualTo("Users");
    }

    static String sheetName(ByteArrayOutputStream out) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()));
             Stream<Row> rows = wb.getFirstSheet().openStream()) {
            assertThat(rows.count()).isPositive();
            return wb.getFirstSheet().getName();
        }
    }
}
