package id.berdaya.ui.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.export.XlsxSheet;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.region.Kabkota;
import id.berdaya.core.region.RegionService;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.IssuedPassword;
import id.berdaya.core.user.UserAccount;
import id.berdaya.core.user.UserFilter;
import id.berdaya.core.user.UserService;
import id.berdaya.ui.components.Feedback;
import id.berdaya.ui.components.XlsxDownload;
import jakarta.annotation.security.RolesAllowed;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** User administration for province administrators: create, edit, disable, reset passwords. */
@Route("pengguna")
@RolesAllowed("PROVINCE_ADMIN")
public class PenggunaView extends VerticalLayout implements HasDynamicTitle {

    private final UserService users;
    private final List<Kabkota> districts;
    private final Map<String, Kabkota> byCode;
    final Grid<UserAccount> grid = new Grid<>();
    final TextField search = new TextField();
    private final Select<Role> roleFilter = new Select<>();
    private final ComboBox<Kabkota> districtFilter = new ComboBox<>();
    private final Select<Boolean> statusFilter = new Select<>();
    private final Span count = new Span();

    public PenggunaView(UserService users, RegionService regions) {
        this.users = users;
        this.districts = regions.kabkota();
        this.byCode = districts.stream().collect(Collectors.toMap(Kabkota::code, Function.identity()));
        setSizeFull();
        add(new H2(getTranslation("pengguna.title")));

        search.setPlaceholder(getTranslation("pengguna.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("user-search");
        roleFilter.setEmptySelectionAllowed(true);
        roleFilter.setEmptySelectionCaption(getTranslation("pengguna.allRoles"));
        roleFilter.setItems(Arrays.asList(Role.values()));
        roleFilter.setItemLabelGenerator(r -> r == null ? getTranslation("pengguna.allRoles") : getTranslation("role." + r.name()));
        districtFilter.setPlaceholder(getTranslation("pengguna.allDistricts"));
        districtFilter.setItems(districts);
        districtFilter.setItemLabelGenerator(Kabkota::displayName);
        districtFilter.setClearButtonVisible(true);
        statusFilter.setEmptySelectionAllowed(true);
        statusFilter.setEmptySelectionCaption(getTranslation("pengguna.allStatus"));
        statusFilter.setItems(true, false);
        statusFilter.setItemLabelGenerator(b -> b == null ? getTranslation("pengguna.allStatus")
                : getTranslation(b ? "pengguna.active" : "pengguna.inactive"));
        search.addValueChangeListener(e -> refresh());
        roleFilter.addValueChangeListener(e -> refresh());
        districtFilter.addValueChangeListener(e -> refresh());
        statusFilter.addValueChangeListener(e -> refresh());

        Button add = new Button(getTranslation("pengguna.new"), VaadinIcon.PLUS.create(), e -> openCreate());
        add.setId("user-new");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        XlsxDownload export = new XlsxDownload(getTranslation("action.export"), "pengguna",
                out -> users.export(filter(), sheet(), out));
        export.setId("user-export");
        HorizontalLayout toolbar = new HorizontalLayout(search, roleFilter, districtFilter, statusFilter, add, export, count);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setWrap(true);
        add(toolbar);

        grid.setId("user-grid");
        grid.addColumn(UserAccount::username).setHeader(getTranslation("pengguna.username")).setAutoWidth(true);
        grid.addColumn(UserAccount::fullName).setHeader(getTranslation("pengguna.fullName")).setFlexGrow(1);
        grid.addColumn(u -> getTranslation("role." + u.role().name())).setHeader(getTranslation("pengguna.role")).setAutoWidth(true);
        grid.addColumn(u -> u.kabkotaCode() == null ? "" : byCode.get(u.kabkotaCode()).displayName())
                .setHeader(getTranslation("pengguna.kabkota")).setAutoWidth(true);
        grid.addColumn(this::status).setHeader(getTranslation("pengguna.status")).setAutoWidth(true);
        grid.addColumn(u -> IndonesianFormat.dateTime(u.lastLoginAt())).setHeader(getTranslation("pengguna.lastLogin")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(q -> users.page(filter(), q.getOffset(), q.getLimit()).stream(), q -> users.count(filter()));
        add(grid);
        setFlexGrow(1, grid);
        updateCount();
    }

    UserFilter filter() {
        return new UserFilter(search.getValue(), roleFilter.getValue(),
                districtFilter.getValue() == null ? null : districtFilter.getValue().code(), statusFilter.getValue());
    }

    /** The export's sheet name and header row in the user's language. */
    XlsxSheet sheet() {
        return new XlsxSheet(getTranslation("pengguna.sheet"), List.of(getTranslation("pengguna.username"), getTranslation("pengguna.fullName"),
                getTranslation("pengguna.role"), getTranslation("pengguna.kabkota"), getTranslation("pengguna.status"),
                getTranslation("pengguna.lastLogin")));
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        updateCount();
    }

    private void updateCount() {
        count.setText(getTranslation("pengguna.count", users.count(filter())));
    }

    private String status(UserAccount u) {
        String s = getTranslation(u.enabled() ? "pengguna.active" : "pengguna.inactive");
        if (u.mustChangePassword()) {
            s += " · " + getTranslation("pengguna.mustChange");
        }
        if (u.lockedUntil() != null && u.lockedUntil().isAfter(Instant.now())) {
            s += " · " + getTranslation("pengguna.locked");
        }
        return s;
    }

    private HorizontalLayout actions(UserAccount u) {
        Button edit = new Button(VaadinIcon.EDIT.create(), e -> openEdit(u));
        edit.setTooltipText(getTranslation("action.edit"));
        edit.getElement().setAttribute("aria-label", getTranslation("action.edit") + " " + u.username());
        Button toggle = new Button((u.enabled() ? VaadinIcon.BAN : VaadinIcon.CHECK).create(), e -> toggle(u));
        toggle.setTooltipText(getTranslation(u.enabled() ? "action.disable" : "action.enable"));
        toggle.getElement().setAttribute("aria-label", getTranslation(u.enabled() ? "action.disable" : "action.enable") + " " + u.username());
        Button reset = new Button(VaadinIcon.KEY.create(), e -> confirmReset(u));
        reset.setTooltipText(getTranslation("action.resetPassword"));
        reset.getElement().setAttribute("aria-label", getTranslation("action.resetPassword") + " " + u.username());
        for (Button b : new Button[] {edit, toggle, reset}) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        }
        return new HorizontalLayout(edit, toggle, reset);
    }

    void openCreate() {
        UserForm form = new UserForm(districts);
        Dialog dialog = new Dialog(getTranslation("pengguna.new"));
        dialog.add(form);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                IssuedPassword issued = users.create(form.newUser());
                dialog.close();
                refresh();
                Feedback.success(this, "pengguna.created", issued.user().username());
                showTemporaryPassword(issued);
            } catch (RuleViolation v) {
                form.show(v);
            }
        });
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void openEdit(UserAccount u) {
        UserForm form = new UserForm(districts);
        form.edit(u, districts);
        Dialog dialog = new Dialog(getTranslation("pengguna.edit"));
        dialog.add(form);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                users.update(u.id(), form.changes(u.version()));
                dialog.close();
                refresh();
                Feedback.success(this, "pengguna.saved");
            } catch (RuleViolation v) {
                form.show(v);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void toggle(UserAccount u) {
        if (!u.enabled()) {
            run(() -> {
                users.setEnabled(u.id(), true, u.version());
                Feedback.success(this, "pengguna.enabled", u.username());
            });
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("action.disable"));
        confirm.setText(getTranslation("pengguna.confirmDisable", u.username()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("action.disable"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> run(() -> {
            users.setEnabled(u.id(), false, u.version());
            Feedback.success(this, "pengguna.disabled", u.username());
        }));
        confirm.open();
    }

    private void confirmReset(UserAccount u) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("action.resetPassword"));
        confirm.setText(getTranslation("pengguna.confirmReset", u.username()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("action.resetPassword"));
        confirm.addConfirmListener(e -> run(() -> showTemporaryPassword(users.resetPassword(u.id(), u.version()))));
        confirm.open();
    }

    private void run(Runnable action) {
        try {
            action.run();
        } catch (RuleViolation v) {
            Feedback.show(this, v, Map.of());
        }
        refresh();
    }

    private void showTemporaryPassword(IssuedPassword issued) {
        Dialog d = new Dialog(getTranslation("pengguna.tempPassword.title"));
        Span password = new Span(issued.temporaryPassword());
        password.setId("temporary-password");
        password.addClassName("berdaya-secret");
        d.add(new Paragraph(getTranslation("pengguna.tempPassword.text", issued.user().username())), password);
        Button close = new Button(getTranslation("action.close"), e -> d.close());
        close.setId("temporary-password-close");
        d.getFooter().add(close);
        d.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("pengguna.title") + " · Berdaya";
    }
}
