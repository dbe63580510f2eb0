package id.berdaya.ui.registry;

import id.berdaya.registry.beneficiary.BeneficiaryDetail;
import id.berdaya.registry.duplicate.DuplicatePair;
import id.berdaya.registry.duplicate.DuplicateService;
import id.berdaya.registry.nik.NikComparison;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.region.Kabkota;
import id.berdaya.core.region.RegionService;
import id.berdaya.ui.components.Feedback;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.Map;

/**
 * The review queue of possible duplicates: both records side by side; merge (keeping one) or
 * dismiss. Oldest first, 50 at a time, of every kabupaten/kota or of the one chosen (the district
 * of the newer record); with {@code ?penerima=<id>} (the link on a detail page) only the pairs of
 * that person's record.
 */
@Route("penerima-manfaat/duplikat")
@RolesAllowed("PROVINCE_OFFICER")
public class DuplicatesView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    /** Query parameter: the id of the record whose pairs are shown. */
    public static final String PERSON_PARAMETER = "penerima";

    private final DuplicateService duplicates;
    private final RegistryLabels labels;
    private final VerticalLayout queue = new VerticalLayout();
    final ComboBox<Kabkota> kabkota = new ComboBox<>();
    private Long person;

    public DuplicatesView(DuplicateService duplicates, RegionService regions) {
        this.duplicates = duplicates;
        this.labels = new RegistryLabels(this, regions);
        setMaxWidth("80rem");
        kabkota.setId("duplicate-kabkota");
        kabkota.setPlaceholder(getTranslation("registry.duplicates.anyKabkota"));
        kabkota.setItems(regions.kabkota());
        kabkota.setItemLabelGenerator(Kabkota::displayName);
        kabkota.setClearButtonVisible(true);
        kabkota.addValueChangeListener(e -> show());
        add(new H2(getTranslation("registry.duplicates")), kabkota, queue);
        queue.setPadding(false);
        queue.setId("duplicate-queue");
    }

    /** Links to the pairs of one record. */
    public static QueryParameters of(long beneficiaryId) {
        return QueryParameters.of(PERSON_PARAMETER, String.valueOf(beneficiaryId));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        person = event.getLocation().getQueryParameters().getSingleParameter(PERSON_PARAMETER)
                .filter(v -> v.matches("[0-9]{1,18}")).map(Long::valueOf).orElse(null);
        show();
    }

    private void show() {
        queue.removeAll();
        List<DuplicatePair> open;
        kabkota.setVisible(person == null);
        if (person == null) {
            String district = kabkota.getValue() == null ? null : kabkota.getValue().code();
            open = duplicates.open(district, 50);
            Span count = new Span(getTranslation("registry.duplicates.count", duplicates.countOpen(district)));
            count.setId("duplicate-count");
            queue.add(count);
        } else {
            open = duplicates.openOf(person);
            Span count = new Span(getTranslation("registry.duplicates.countOf", open.size(), String.valueOf(person)));
            count.setId("duplicate-count");
            queue.add(count, new RouterLink(getTranslation("registry.duplicates.all"), DuplicatesView.class));
        }
        if (open.isEmpty()) {
            queue.add(new Paragraph(getTranslation("registry.duplicates.none")));
        }
        for (DuplicatePair p : open) {
            Span newerNik = line(p.newer().maskedNik());
            newerNik.setId("nik-newer-" + p.id());
            Span existingNik = line(p.existing().maskedNik());
            existingNik.setId("nik-existing-" + p.id());
            HorizontalLayout sides = new HorizontalLayout(side(getTranslation("registry.duplicates.newer"), p.newer(), newerNik),
                    side(getTranslation("registry.duplicates.existing"), p.existing(), existingNik));
            sides.setWidthFull();
            Span compared = line("NIK · " + compared(p.niks()));
            compared.setId("nik-compared-" + p.id());
            Button revealBoth = new Button(getTranslation("registry.duplicates.revealBoth"), VaadinIcon.EYE.create(),
                    e -> RevealDialog.open(this, "registry.duplicates.revealBoth", reason -> duplicates.revealNiks(p.id(), reason), niks -> {
                        newerNik.setText(niks.newerNik());
                        existingNik.setText(niks.existingNik());
                    }));
            revealBoth.setId("reveal-pair-" + p.id());
            revealBoth.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            Button keepNewer = new Button(getTranslation("registry.duplicates.keepNewer"),
                    e -> act(() -> duplicates.merge(p.id(), p.newer().id(), p.version()), "registry.duplicates.merged"));
            Button keepExisting = new Button(getTranslation("registry.duplicates.keepExisting"),
                    e -> act(() -> duplicates.merge(p.id(), p.existing().id(), p.version()), "registry.duplicates.merged"));
            keepExisting.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            keepExisting.setId("keep-existing-" + p.id());
            Button dismiss = new Button(getTranslation("registry.duplicates.dismiss"),
                    e -> act(() -> duplicates.dismiss(p.id(), p.version()), "registry.duplicates.dismissed"));
            dismiss.setId("dismiss-" + p.id());
            Div card = new Div(new Paragraph(getTranslation("registry.duplicates.reason." + p.reason())),
                    new HorizontalLayout(compared, revealBoth), sides,
                    new HorizontalLayout(keepExisting, keepNewer, dismiss));
            card.addClassName("berdaya-duplicate");
            queue.add(card);
        }
    }

    /** "Sama: wilayah, tanggal lahir · Beda: nomor urut": which parts of the two NIKs agree, without digits. */
    private String compared(NikComparison niks) {
        List<String> parts = new java.util.ArrayList<>();
        if (!niks.same().isEmpty()) {
            parts.add(getTranslation("registry.duplicates.nikSame", partNames(niks.same())));
        }
        if (!niks.different().isEmpty()) {
            parts.add(getTranslation("registry.duplicates.nikDifferent", partNames(niks.different())));
        }
        return String.join(" · ", parts);
    }

    private String partNames(List<NikComparison.Part> parts) {
        return parts.stream().map(part -> getTranslation("registry.nikPart." + part.name())).collect(java.util.stream.Collectors.joining(", "));
    }

    private VerticalLayout side(String title, BeneficiaryDetail d, Span nik) {
        VerticalLayout v = new VerticalLayout(new H4(title + " #" + d.id()),
                line(d.fullName()), nik, line(labels.sex(d.sex()) + ", " + IndonesianFormat.date(d.birthDate())),
                line(labels.desa(d.kecamatanCode(), d.desaCode()) + ", " + labels.kabkota(d.kabkotaCode())),
                line(d.category() == null ? "" : d.category()), labels.status(d.status()),
                line(d.createdBy() + " · " + IndonesianFormat.dateTime(d.createdAt())));
        v.setSpacing(false);
        v.addClassName("berdaya-duplicate-side");
        return v;
    }

    private static Span line(String text) {
        return new Span(text);
    }

    private void act(Runnable action, String doneKey) {
        try {
            action.run();
            Feedback.success(this, doneKey);
        } catch (RuleViolation v) {
            Feedback.show(this, v, Map.of());
        }
        show();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("registry.duplicates") + " · Berdaya";
    }
}
