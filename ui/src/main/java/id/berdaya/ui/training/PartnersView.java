package id.berdaya.ui.training;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.region.Kabkota;
import id.berdaya.core.region.RegionService;
import id.berdaya.core.user.UserAccount;
import id.berdaya.training.partner.NewPartner;
import id.berdaya.training.partner.Partner;
import id.berdaya.training.partner.PartnerService;
import id.berdaya.training.partner.PartnerType;
import id.berdaya.ui.components.BoundedUploadHandler;
import id.berdaya.ui.components.Feedback;
import id.berdaya.ui.components.WidgetTexts;
import jakarta.annotation.security.RolesAllowed;

import java.util.Map;

/**
 * Partner agencies (mitra): the list with their agreements, a new agency, the signed MoU as PDF,
 * and (user administration) which PARTNER accounts belong to an agency.
 */
@Route("mitra")
@RolesAllowed({"PROVINCE_ADMIN", "PROVINCE_OFFICER"})
public class PartnersView extends VerticalLayout implements HasDynamicTitle {

    private final PartnerService partners;
    private final Map<String, Kabkota> districts;
    final Grid<Partner> grid = new Grid<>();
    private final VerticalLayout selected = new VerticalLayout();

    public PartnersView(PartnerService partners, RegionService regions) {
        this.partners = partners;
        this.districts = regions.kabkotaByCode();
        add(new H2(getTranslation("partner.title")));

        grid.setId("partner-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(Partner::name).setHeader(getTranslation("partner.field.name")).setFlexGrow(2);
        grid.addColumn(p -> getTranslation("partner.type." + p.type().name())).setHeader(getTranslation("partner.field.type")).setAutoWidth(true);
        grid.addColumn(p -> p.kabkotaCode() == null ? getTranslation("partner.provinceWide")
                : districts.containsKey(p.kabkotaCode()) ? districts.get(p.kabkotaCode()).displayName() : p.kabkotaCode())
                .setHeader(getTranslation("partner.field.reach")).setAutoWidth(true);
        grid.addColumn(p -> p.mouNumber() == null ? "" : p.mouNumber()).setHeader(getTranslation("partner.field.mouNumber")).setAutoWidth(true);
        grid.addColumn(p -> p.mouValidUntil() == null ? "" : IndonesianFormat.date(p.mouValidUntil()))
                .setHeader(getTranslation("partner.field.mouValidUntil")).setAutoWidth(true);
        grid.addComponentColumn(p -> p.mouFileName() == null ? new Anchor() : mouLink(p)).setAutoWidth(true);
        grid.addSelectionListener(e -> showSelected(e.getFirstSelectedItem().orElse(null)));
        add(grid, selected);

        TextField name = new TextField(getTranslation("partner.field.name"));
        name.setId("partner-name");
        ComboBox<PartnerType> type = new ComboBox<>(getTranslation("partner.field.type"));
        type.setId("partner-type");
        type.setItems(PartnerType.values());
        type.setItemLabelGenerator(t -> getTranslation("partner.type." + t.name()));
        ComboBox<Kabkota> reach = new ComboBox<>(getTranslation("partner.field.reach"));
        reach.setItems(regions.kabkota());
        reach.setItemLabelGenerator(Kabkota::displayName);
        reach.setPlaceholder(getTranslation("partner.provinceWide"));
        reach.setClearButtonVisible(true);
        TextField contact = new TextField(getTranslation("partner.field.contact"));
        TextField phone = new TextField(getTranslation("partner.field.phone"));
        TextField mouNumber = new TextField(getTranslation("partner.field.mouNumber"));
        mouNumber.setId("partner-mou-number");
        DatePicker mouDate = new DatePicker(getTranslation("partner.field.mouDate"));
        DatePicker mouValidUntil = new DatePicker(getTranslation("partner.field.mouValidUntil"));
        for (DatePicker d : new DatePicker[] {mouDate, mouValidUntil}) {
            d.setLocale(IndonesianFormat.INDONESIAN);
            WidgetTexts.datePicker(d);
        }
        Button save = new Button(getTranslation("action.save"));
        save.setId("partner-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Map<String, HasValidation> fields = Map.of("name", name, "type", type, "mouValidUntil", mouValidUntil);
        save.addClickListener(c -> {
            try {
                partners.create(new NewPartner(name.getValue(), type.getValue(), reach.getValue() == null ? null : reach.getValue().code(),
                        contact.getValue(), phone.getValue(), null, mouNumber.getValue(), mouDate.getValue(), mouValidUntil.getValue()));
                Feedback.success(this, "training.saved");
                refresh();
            } catch (RuleViolation v) {
                Feedback.show(this, v, fields);
            }
        });
        add(new H3(getTranslation("partner.new")), new FormLayout(name, type, reach, contact, phone, mouNumber, mouDate, mouValidUntil), save);
        refresh();
    }

    private void refresh() {
        grid.setItems(partners.list());
    }

    /** The selected agency: its MoU upload, and (user administration) the link of a PARTNER account. */
    private void showSelected(Partner p) {
        selected.removeAll();
        if (p == null) {
            return;
        }
        selected.add(new H3(p.name()));
        Upload upload = new Upload(new BoundedUploadHandler(PartnerService.MAX_MOU_BYTES, (event, body) -> {
            UI ui = event.getUI();
            byte[] bytes = body.readAllBytes();
            try {
                partners.uploadMou(p.id(), event.getFileName(), bytes);
                ui.access(() -> {
                    refresh();
                    Feedback.success(this, "training.saved");
                });
            } catch (RuleViolation v) {
                ui.access(() -> Feedback.error(this, v.problems().getFirst().key(), v.problems().getFirst().args().toArray()));
            }
        }, () -> Feedback.error(this, "training.partner.mouTooLarge", PartnerService.MAX_MOU_BYTES / (1024 * 1024))));
        upload.setId("partner-mou-upload");
        upload.setUploadFormat(UploadFormat.RAW);
        upload.setMaxFiles(1);
        upload.setMaxFileSize(PartnerService.MAX_MOU_BYTES);
        upload.setAcceptedFileTypes("application/pdf", ".pdf");
        upload.setUploadButton(new Button(getTranslation("partner.mouUpload")));
        WidgetTexts.upload(upload);
        selected.add(upload);
        if (partners.mayAssignUsers()) {
            ComboBox<UserAccount> account = new ComboBox<>(getTranslation("partner.account"));
            account.setId("partner-account");
            account.setItems(partners.assignableAccounts(p));
            account.setItemLabelGenerator(u -> u.fullName() + " (" + u.username() + ")");
            Button link = new Button(getTranslation("partner.accountLink"), c -> {
                try {
                    partners.assignUser(account.getValue() == null ? -1 : account.getValue().id(), p.id());
                    Feedback.success(this, "training.saved");
                } catch (RuleViolation v) {
                    Feedback.show(this, v, Map.of("partner", account));
                }
            });
            link.setId("partner-account-link");
            HorizontalLayout row = new HorizontalLayout(account, link);
            row.setAlignItems(Alignment.END);
            selected.add(row);
        }
    }

    private Anchor mouLink(Partner p) {
        Anchor a = new Anchor((DownloadEvent event) -> {
            var file = partners.downloadMou(p.id());
            event.setFileName(file.fileName());
            event.setContentType("application/pdf");
            event.getOutputStream().write(file.content());
        }, p.mouFileName());
        a.getElement().setAttribute("download", true);
        return a;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("partner.title") + " · Berdaya";
    }
}
