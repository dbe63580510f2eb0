package id.berdaya.ui.grants;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadEvent;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.grants.handover.Handover;
import id.berdaya.grants.handover.HandoverPhoto;
import id.berdaya.grants.handover.HandoverService;
import id.berdaya.grants.handover.NewHandover;
import id.berdaya.grants.handover.scan.HandoverScan;
import id.berdaya.grants.handover.scan.HandoverScanService;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalItem;
import id.berdaya.ui.components.Feedback;
import id.berdaya.ui.components.ScanUpload;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The handover (serah terima) part of a proposal's page: the recorded BAST with its number, date,
 * position, seal, photos (each view audited by the service) and PDF download, its signed scans and
 * (for whoever may) their upload, the void (with a reason) for the district head, and the records
 * voided before; or, when the service allows it, the form that records it ({@link HandoverTerms}:
 * date, place, handing party, witness, position, one to three photos and the consent to keep their
 * position; and for each approved item the quantity handed over and a reason wherever it differs).
 */
class HandoverPanel extends VerticalLayout {

    private final HandoverService handovers;
    private final HandoverScanService scans;
    private final Runnable recorded;
    HandoverTerms terms;
    final Button record = new Button();
    private final List<Line> lines = new ArrayList<>();

    private record Line(ProposalItem item, IntegerField quantity, TextField reason) {
    }

    /** The panel of a proposal: the recorded handover if any, else the form when {@code mayRecord}; {@code recorded} runs after recording. */
    HandoverPanel(HandoverService handovers, HandoverScanService scans, Proposal p, boolean mayRecord, List<ProposalItem> items, Runnable recorded) {
        this.handovers = handovers;
        this.scans = scans;
        this.recorded = recorded;
        setPadding(false);
        setId("handover-panel");
        Handover h = handovers.ofProposal(p.id()).orElse(null);
        if (h != null) {
            shown(h);
        } else if (mayRecord) {
            form(p, items);
        }
        List<Handover> voided = handovers.voidedOfProposal(p.id());
        if (!voided.isEmpty()) {
            add(new H3(getTranslation("grants.handover.voidedTitle")));
            for (Handover v : voided) {
                Span s = new Span(v.number() + " · " + getTranslation("grants.handover.voided",
                        IndonesianFormat.dateTime(v.voided().at()), v.voided().by(), v.voided().reason()));
                s.setId("handover-voided-" + v.id());
                add(s);
            }
        }
    }

    private void shown(Handover h) {
        add(new H3(getTranslation("grants.handover.title")));
        Span number = new Span(getTranslation("grants.handover.number") + ": " + h.number());
        number.setId("handover-number");
        add(number, new Span(getTranslation("grants.handover.date") + ": " + IndonesianFormat.longDate(h.handedOn()) + ", " + h.place()),
                new Span(getTranslation("grants.handover.seal") + ": " + h.shortSeal()));
        if (h.position() != null) {
            Span position = new Span(getTranslation("grants.handover.position") + ": " + h.position().latitude().toPlainString() + ", "
                    + h.position().longitude().toPlainString());
            position.setId("handover-position");
            add(position);
        }
        add(photos(h));
        Anchor pdf = new Anchor((DownloadEvent event) -> {
            event.setFileName("bast-" + h.number().replace('/', '-') + ".pdf");
            event.setContentType("application/pdf");
            event.getOutputStream().write(handovers.pdf(h.id()));
        }, getTranslation("grants.handover.pdf"));
        pdf.getElement().setAttribute("download", true);
        pdf.setId("handover-pdf");
        add(pdf, new H3(getTranslation("grants.handover.scan")));
        for (HandoverScan scan : scans.of(h.id())) {
            Anchor a = new Anchor((DownloadEvent event) -> {
                HandoverScan.File file = scans.download(scan.id());
                event.setFileName(file.fileName());
                event.setContentType(file.contentType());
                event.getOutputStream().write(file.content());
            }, scan.fileName() + " · " + IndonesianFormat.dateTime(scan.uploadedAt()) + " · " + scan.uploadedBy());
            a.setId("handover-scan-" + scan.id());
            a.getElement().setAttribute("download", true);
            add(a);
        }
        if (scans.mayUpload()) {
            add(scanUpload(h));
        }
        if (handovers.mayVoid(h)) {
            add(voiding(h));
        }
    }

    /** The photos, small; each image's bytes come from the service, which audits every view. */
    private Div photos(Handover h) {
        Div box = new Div();
        box.setId("handover-photos-shown");
        box.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("flex-wrap", "wrap");
        int i = 1;
        for (HandoverPhoto photo : h.photos()) {
            Image image = new Image((DownloadEvent event) -> {
                HandoverPhoto.File file = handovers.photo(photo.id());
                event.setContentType(file.contentType());
                event.getOutputStream().write(file.content());
            }, getTranslation("grants.handover.photoAlt", i++));
            image.setId("handover-photo-" + photo.id());
            image.setMaxWidth("16em");
            image.setMaxHeight("12em");
            Div caption = new Div(image);
            String taken = photo.takenAt() == null ? ""
                    : getTranslation("grants.handover.photoTaken", photo.takenAt().format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")));
            String group = photo.groupPhoto() ? getTranslation("grants.handover.photoGroup") : "";
            String text = String.join(" · ", java.util.stream.Stream.of(taken, group).filter(s -> !s.isEmpty()).toList());
            if (!text.isEmpty()) {
                Span under = new Span(text);
                under.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)");
                caption.add(under);
            }
            box.add(caption);
        }
        return box;
    }

    /** The district head's void: a reason, then the record is void and the proposal approved by the province again. */
    private Div voiding(Handover h) {
        TextArea reason = new TextArea(getTranslation("grants.handover.voidReasonLabel"));
        reason.setId("handover-void-reason");
        reason.setMaxLength(300);
        reason.setWidth("28em");
        Button confirm = new Button(getTranslation("grants.handover.void"));
        confirm.setId("handover-void");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        confirm.addClickListener(e -> {
            try {
                handovers.voidHandover(h.id(), reason.getValue());
                Feedback.success(this, "grants.handover.voidDone");
                recorded.run();
            } catch (RuleViolation v) {
                Feedback.show(this, v, java.util.Map.of("reason", reason));
            }
        });
        HorizontalLayout row = new HorizontalLayout(reason, confirm);
        row.setAlignItems(Alignment.END);
        return new Div(new H3(getTranslation("grants.handover.voidConfirm")), row);
    }

    /** The upload of the signed scan (PDF, JPG or PNG, checked by its content in the service). */
    private Upload scanUpload(Handover h) {
        Upload upload = ScanUpload.create(this, HandoverService.MAX_SCAN_BYTES, "grants.handover.scan", "grants.handover.scanUploaded",
                "grants.handover.scanTooLarge", (name, bytes) -> scans.upload(h.id(), name, bytes), recorded);
        upload.setId("handover-scan-upload");
        return upload;
    }

    private void form(Proposal p, List<ProposalItem> items) {
        add(new H3(getTranslation("grants.handover.title")));
        terms = new HandoverTerms(handovers);
        add(new Span(getTranslation("grants.handover.receiver") + ": " + p.beneficiaryName()), terms);
        int i = 0;
        for (ProposalItem item : items) {
            IntegerField q = new IntegerField(item.name() + " (" + getTranslation("grants.unit." + item.unit().name()) + ")");
            q.setId("handover-quantity-" + i);
            q.setMin(0);
            q.setValue(item.quantity());
            q.setHelperText(getTranslation("grants.handover.approved", item.quantity()));
            TextField reason = new TextField(getTranslation("grants.handover.reason"));
            reason.setId("handover-reason-" + i++);
            reason.setWidth("24em");
            lines.add(new Line(item, q, reason));
            add(new HorizontalLayout(q, reason));
        }
        record.setText(getTranslation("grants.handover.record"));
        record.setId("handover-record");
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        record.addClickListener(e -> record(p));
        add(record);
    }

    private void record(Proposal p) {
        List<NewHandover.Line> handed = lines.stream().map(l -> new NewHandover.Line(l.item().catalogueItemId(),
                l.quantity().getValue() == null ? -1 : l.quantity().getValue(), l.reason().getValue())).toList();
        HandoverTerms t = terms;
        try {
            handovers.record(new NewHandover(p.id(), p.version(), t.date.getValue(), t.place.getValue(), t.giverName.getValue(),
                    t.giverPosition.getValue(), t.giverOffice.getValue(), t.witnessName.getValue(), t.witnessPosition.getValue(), handed,
                    t.position(), t.photoUploads(), t.keepPhotoPosition.getValue()));
            Feedback.success(this, "grants.handover.recorded");
            recorded.run();
        } catch (RuleViolation v) {
            t.show(v);
        }
    }
}
