package id.berdaya.ui.views;

import com.vaadin.flow.component.Component;
import id.berdaya.core.audit.AuditService;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.NewUser;
import id.berdaya.core.user.UserService;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit screen filters the trail with the same condition for rows and count, and speaks Indonesian. */
class AuditViewTest extends ViewTestSupport {

    @Autowired UserService users;
    @Autowired AuditService audit;

    @Test
    void filteringByUserAndActionShowsOnlyThoseEvents_inWords() {
        String admin = "uji.auditlayar." + System.nanoTime() % 1_000_000;
        loginAs(admin, Role.PROVINCE_ADMIN, null);
        users.create(new NewUser(admin + ".a", "Satu", Role.PROVINCE_OFFICER, null, "id"));
        users.create(new NewUser(admin + ".b", "Dua", Role.DISTRICT_HEAD, "33.26", "id"));

        AuditView view = navigate(AuditView.class);
        test(view.user).setValue(admin);
        test(view.action).selectItem("Pengguna dibuat");

        assertThat(test(view.grid).size()).isEqualTo(2);
        for (int row = 0; row < 2; row++) {
            assertThat(test(view.grid).getCellText(row, 1)).isEqualTo(admin);
            assertThat(test(view.grid).getCellText(row, 2)).isEqualTo("Administrator Provinsi");
            assertThat(test(view.grid).getCellText(row, 4)).isEqualTo("Pengguna dibuat");
            assertThat(test(view.grid).getCellText(row, 5)).startsWith("Pengguna #");
        }
        assertThat(test(view.grid).getCellText(0, 3)).isEqualTo("Kabupaten Pekalongan (33.26)");
    }

    @Test
    void aRouteRefusalReadsAsAccessRefusedToThePage() {
        String head = "uji.auditrute." + System.nanoTime() % 1_000_000;
        loginAs(head, Role.DISTRICT_HEAD, "33.26");
        navigate(BerandaView.class);
        navigate("pengguna", Component.class);

        loginAs("uji.auditlayar.admin", Role.PROVINCE_ADMIN, null);
        AuditView view = navigate(AuditView.class);
        test(view.user).setValue(head);
        assertThat(test(view.grid).size()).isEqualTo(1);
        List<String> cells = IntStream.range(0, 7).mapToObj(c -> test(view.grid).getCellText(0, c)).toList();
        assertThat(cells.get(4)).isEqualTo("Akses ditolak");
        assertThat(cells.get(5)).isEqualTo("Halaman /pengguna");
        assertThat(cells.get(3)).isEqualTo("Kabupaten Pekalongan (33.26)");
        assertThat(String.join(" ", cells)).doesNotContain("ACCESS_DENIED", "ROUTE", "DISTRICT_HEAD");
    }

    @Test
    void theExportUsesTheSameWordsAndATranslatedSheetName() throws Exception {
        String admin = "uji.auditxlsx." + System.nanoTime() % 1_000_000;
        loginAs(admin, Role.PROVINCE_ADMIN, null);
        users.create(new NewUser(admin + ".a", "Satu", Role.DISTRICT_OPERATOR, "33.03", "id"));

        AuditView view = navigate(AuditView.class);
        test(view.user).setValue(admin);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(audit.export(view.filter(), view.sheet(), out)).isEqualTo(1);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()));
             Stream<Row> sheet = wb.getFirstSheet().openStream()) {
            assertThat(wb.getFirstSheet().getName()).isEqualTo("Jejak audit");
            List<Row> rows = sheet.toList();
            assertThat(rows.getFirst().getCellText(4)).isEqualTo("Aksi");
            assertThat(rows.get(1).getCellText(2)).isEqualTo("Administrator Provinsi");
            assertThat(rows.get(1).getCellText(3)).isEqualTo("Kabupaten Purbalingga (33.03)");
            assertThat(rows.get(1).getCellText(4)).isEqualTo("Pengguna dibuat");
            assertThat(rows.get(1).getCellText(5)).startsWith("Pengguna #");
        }
    }
}
