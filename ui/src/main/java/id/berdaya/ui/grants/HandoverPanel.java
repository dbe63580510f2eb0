package id.berdaya.ui.grants;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadEvent;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.grants.handover.Handover;
import id.berdaya.grants.handover.HandoverScan;
import id.berdaya.grants.handover.HandoverService;
import id.berdaya.grants.handover.NewHandover;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalItem;
import id.berdaya.ui.components.Feedback;
import id.berdaya.ui.components.ScanUpload;
import id.berdaya.ui.components.WidgetTexts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The handover (serah terima) part of a proposal's page: the recorded BAST with its number, date,
 * seal and PDF download, its signed scans and (for whoever may) their upload, or, when the service allows it, the form that records it (date, place,
 * handing party, witness, and for each approved item the quantity handed over and a reason
 * wherever it differs).
 */
class HandoverPanel extends VerticalLayout {

    private final HandoverService handovers;
    private final Runnable recorded;
    final DatePicker date = WidgetTexts.datePicker(new DatePicker());
    final TextField place = new TextField();
    final TextField giverName = new TextField();
    final TextField giverPosition = new TextField();
    final TextField giverOffice = new TextField();
    final TextField witnessName = new TextField();
    final TextField witnessPosition = new TextField();
    final Button record = new Button();
    private final List<Line> lines = new ArrayList<>();

    private record Line(ProposalItem item, IntegerField quantity, TextField reason) {
    }

    /** The panel of a proposal: the recorded handover if any, else the form when {@code mayRecord}; {@code recorded} runs after recording. */
    HandoverPanel(HandoverService handovers, Proposal p, boolean mayRecord, List<ProposalItem> items, Runnable recorded) {
        this.handovers = handovers;
        this.recorded = recorded;
        setPadding(false);
        setId("handover-panel");
        Handover h = handovers.ofProposal(p.id()).orElse(null);
        if (h != null) {
            shown(h);
        } else if (mayRecord) {
            form(p, items);
        }
    }

    private void shown(Handover h) {
        add(new H3(getTranslation("grants.handover.title")));
        Span number = new Span(getTranslation("grants.handover.number") + ": " + h.number());
        number.setId("handover-number");
        add(number, new Span(getTranslation("grants.handover.date") + ": " + IndonesianFormat.longDate(h.handedOn()) + ", " + h.place()),
                new Span(getTranslation("grants.handover.seal") + ": " + h.shortSeal()));
        Anchor pdf = new Anchor((DownloadEvent event) -> {
            event.setFileName("bast-" + h.number().replace('/', '-') + ".pdf");
            event.setContentType("application/pdf");
            event.getOutputStream().write(handovers.pdf(h.id()));
        }, getTranslation("grants.handover.pdf"));
        pdf.getElement().setAttribute("download", true);
        pdf.setId("handover-pdf");
        add(pdf, new H3(getTranslation("grants.handover.scan")));
        for (HandoverScan scan : handovers.scans(h.id())) {
            Anchor a = new Anchor((DownloadEvent event) -> {
                HandoverScan.File file = handovers.downloadScan(scan.id());
                event.setFileName(file.fileName());
                event.setContentType(file.contentType());
                event.getOutputStream().write(file.content());
            }, scan.fileName() + " · " + IndonesianFormat.dateTime(scan.uploadedAt()) + " · " + scan.uploadedBy());
            a.setId("handover-scan-" + scan.id());
            a.getElement().setAttribute("download", true);
            add(a);
        }
        if (handovers.mayUploadScan()) {
            add(scanUpload(h));
        }
    }

    /** The upload of the signed scan (PDF, JPG or PNG, checked by its content in the service). */
    private Upload scanUpload(Handover h) {
        Upload upload = ScanUpload.create(this, HandoverService.MAX_SCAN_BYTES, "grants.handover.scan", "grants.handover.scanUploaded",
                "grants.handover.scanTooLarge", (name, bytes) -> handovers.uploadScan(h.id(), name, bytes), recorded);
        upload.setId("handover-scan-upload");
        return upload;
    }

    private void form(Proposal p, List<ProposalItem> items) {
        add(new H3(getTranslation("grants.handover.title")));
        date.setLabel(getTranslation("grants.handover.date"));
        date.setId("handover-date");
        date.setValue(LocalDate.now(IndonesianFormat.WIB));
        field(place, "handover-place", "grants.handover.place");
        field(giverName, "handover-giver-name", "grants.handover.giverName");
        field(giverPosition, "handover-giver-position", "grants.handover.giverPosition");
        field(giverOffice, "handover-giver-office", "grants.handover.giverOffice");
        field(witnessName, "handover-witness-name", "grants.handover.witnessName");
        field(witnessPosition, "handover-witness-position", "grants.handover.witnessPosition");
        FormLayout form = new FormLayout(date, place, giverName, giverPosition, giverOffice, witnessName, witnessPosition);
        add(new Span(getTranslation("grants.handover.receiver") + ": " + p.beneficiaryName()), form);
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

    private void field(TextField f, String id, String key) {
        f.setId(id);
        f.setLabel(getTranslation(key));
        f.setMaxLength(150);
    }

    private void record(Proposal p) {
        List<NewHandover.Line> handed = lines.stream().map(l -> new NewHandover.Line(l.item().catalogueItemId(),
                l.quantity().getValue() == null ? -1 : l.quantity().getValue(), l.reason().getValue())).toList();
        try {
            handovers.record(new NewHandover(p.id(), p.version(), date.getValue(), place.getValue(), giverName.getValue(),
                    giverPosition.getValue(), giverOffice.getValue(), witnessName.getValue(), witnessPosition.getValue(), handed));
            Feedback.success(this, "grants.handover.recorded");
            recorded.run();
        } catch (RuleViolation v) {
            Map<String, HasValidation> fields = new LinkedHashMap<>();
            fields.put("handedOn", date);
            fields.put("place", place);
            fields.put("giverName", giverName);
            fields.put("giverPosition", giverPosition);
            fields.put("giverOffice", giverOffice);
            fields.put("witnessName", witnessName);
            fields.put("witnessPosition", witnessPosition);
            Feedback.show(this, v, fields);
        }
    }
}
