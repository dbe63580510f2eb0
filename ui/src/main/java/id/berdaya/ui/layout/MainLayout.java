package id.berdaya.ui.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import id.berdaya.core.region.RegionService;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.core.user.UserService;
import id.berdaya.ui.i18n.BerdayaI18NProvider;
import id.berdaya.ui.i18n.UiInitialization;
import id.berdaya.ui.security.RouteAccess;
import id.berdaya.grants.approval.ApprovalService;
import id.berdaya.ui.grants.ApprovalInboxView;
import id.berdaya.ui.grants.CatalogueView;
import id.berdaya.ui.grants.CeilingsView;
import id.berdaya.ui.grants.ProposalListView;
import id.berdaya.ui.monitoring.MonitoringView;
import id.berdaya.ui.registry.BeneficiaryListView;
import id.berdaya.ui.registry.CategoriesView;
import id.berdaya.ui.registry.DuplicatesView;
import id.berdaya.ui.registry.ImportView;
import id.berdaya.ui.training.EventListView;
import id.berdaya.ui.training.PartnersView;
import id.berdaya.ui.views.AuditView;
import id.berdaya.ui.views.BerandaView;
import id.berdaya.ui.views.ChangePasswordView;
import id.berdaya.ui.monitoring.ReportView;
import id.berdaya.ui.views.PenggunaView;
import id.berdaya.ui.views.WilayahView;
import jakarta.annotation.security.PermitAll;

import java.util.List;

/**
 * The application frame: a side navigation that lists only the views the user's role may open,
 * and a user menu with name, role, district, language, password change and logout.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    /** The menu's count of proposals waiting for this user's step (null when the inbox is not theirs). */
    private Span waiting;
    private final ApprovalService approvals;

    /** One navigation entry: its view, its translation key and its icon. */
    public record NavEntry(Class<? extends Component> view, String key, VaadinIcon icon) {
    }

    /** Every view of the menu, in order. Feature modules add their entries here. */
    public static final List<NavEntry> NAVIGATION = List.of(
            new NavEntry(BerandaView.class, "nav.beranda", VaadinIcon.HOME),
            new NavEntry(BeneficiaryListView.class, "nav.penerimaManfaat", VaadinIcon.USER_CARD),
            new NavEntry(ImportView.class, "nav.impor", VaadinIcon.UPLOAD),
            new NavEntry(DuplicatesView.class, "nav.duplikat", VaadinIcon.COPY_O),
            new NavEntry(CategoriesView.class, "nav.jenisPpks", VaadinIcon.TAGS),
            new NavEntry(EventListView.class, "nav.pelatihan", VaadinIcon.ACADEMY_CAP),
            new NavEntry(PartnersView.class, "nav.mitra", VaadinIcon.HANDSHAKE),
            new NavEntry(ProposalListView.class, "nav.bantuan", VaadinIcon.GIFT),
            new NavEntry(ApprovalInboxView.class, "nav.persetujuan", VaadinIcon.CHECK_SQUARE_O),
            new NavEntry(MonitoringView.class, "nav.pemantauan", VaadinIcon.CLIPBOARD_CHECK),
            new NavEntry(CatalogueView.class, "nav.katalog", VaadinIcon.PACKAGE),
            new NavEntry(CeilingsView.class, "nav.pagu", VaadinIcon.WALLET),
            new NavEntry(ReportView.class, "nav.laporan", VaadinIcon.CHART),
            new NavEntry(WilayahView.class, "nav.wilayah", VaadinIcon.MAP_MARKER),
            new NavEntry(PenggunaView.class, "nav.pengguna", VaadinIcon.USERS),
            new NavEntry(AuditView.class, "nav.audit", VaadinIcon.CLIPBOARD_TEXT));

    private final SideNav nav = new SideNav();

    /** "Operator Purbalingga (Demo)" → "OP". */
    static String initials(String name) {
        return java.util.Arrays.stream(name.split("\\s+")).filter(w -> !w.isEmpty() && Character.isLetter(w.charAt(0)))
                .limit(2).map(w -> w.substring(0, 1).toUpperCase(java.util.Locale.ROOT)).reduce("", String::concat);
    }

    public MainLayout(AuthenticationContext authentication, UserService users, RegionService regions, ApprovalService approvals) {
        this.approvals = approvals;
        BerdayaUser me = CurrentUser.require();
        setPrimarySection(Section.DRAWER);

        Span title = new Span(getTranslation("app.name"));
        title.addClassName("berdaya-brand");
        Span province = new Span(getTranslation("app.province"));
        province.addClassName("berdaya-brand-sub");
        Div brand = new Div(title, province);
        brand.addClassName("berdaya-brand-box");

        nav.setId("main-nav");
        for (NavEntry e : NAVIGATION) {
            if (RouteAccess.canOpen(e.view())) {
                SideNavItem item = new SideNavItem(getTranslation(e.key()), e.view(), e.icon().create());
                if (e.view() == ApprovalInboxView.class) { // the proposals waiting for this user's step
                    waiting = new Span(String.valueOf(approvals.waitingCount()));
                    waiting.getElement().getThemeList().add("badge pill small");
                    waiting.setId("nav-waiting-count");
                    item.setSuffixComponent(waiting);
                }
                nav.addItem(item);
            }
        }
        addToDrawer(brand, nav);

        String district = me.kabkotaCode() == null ? getTranslation("menu.province")
                : regions.kabkota(me.kabkotaCode()).map(k -> k.displayName()).orElse(me.kabkotaCode());
        MenuBar userMenu = new MenuBar();
        userMenu.setId("user-menu");
        userMenu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        Avatar avatar = new Avatar(me.fullName());
        avatar.setAbbreviation(initials(me.fullName()));
        avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_XSMALL);
        HorizontalLayout who = new HorizontalLayout(avatar, new Span(me.fullName()));
        who.setAlignItems(FlexComponent.Alignment.CENTER);
        MenuItem root = userMenu.addItem(who);
        SubMenu sub = root.getSubMenu();
        sub.addItem(new Span(getTranslation("menu.role") + ": " + getTranslation("role." + me.role().name()))).setEnabled(false);
        sub.addItem(new Span(getTranslation("menu.district") + ": " + district)).setEnabled(false);
        SubMenu language = sub.addItem(getTranslation("menu.language")).getSubMenu();
        language.addItem(getTranslation("lang.id"), e -> UiInitialization.switchLocale(getUI().orElseThrow(), BerdayaI18NProvider.INDONESIAN, users));
        language.addItem(getTranslation("lang.en"), e -> UiInitialization.switchLocale(getUI().orElseThrow(), BerdayaI18NProvider.ENGLISH, users));
        sub.addItem(getTranslation("menu.changePassword"), e -> getUI().ifPresent(ui -> ui.navigate(ChangePasswordView.class)));
        MenuItem logout = sub.addItem(getTranslation("menu.logout"), e -> authentication.logout());
        logout.setId("logout");

        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), new Div(), userMenu);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(header.getComponentAt(1));
        header.addClassName("berdaya-header");
        addToNavbar(header);
    }

    /** Counts the waiting proposals again (after the inbox decided some). */
    public void refreshWaitingCount() {
        if (waiting != null) {
            waiting.setText(String.valueOf(approvals.waitingCount()));
        }
    }
}
