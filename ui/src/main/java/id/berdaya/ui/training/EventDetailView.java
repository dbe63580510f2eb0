package id.berdaya.ui.training;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadEvent;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.export.XlsxSheet;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.region.Kabkota;
import id.berdaya.core.region.RegionService;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import id.berdaya.training.attendance.AttendanceService;
import id.berdaya.training.attendance.AttendanceState;
import id.berdaya.training.attendance.RecapWords;
import id.berdaya.training.attendance.ParticipantResult;
import id.berdaya.training.certificate.Certificate;
import id.berdaya.training.certificate.CertificateService;
import id.berdaya.training.enrolment.EnrolmentService;
import id.berdaya.training.enrolment.Participant;
import id.berdaya.training.enrolment.ParticipantStatus;
import id.berdaya.training.event.EventAction;
import id.berdaya.training.event.EventService;
import id.berdaya.training.event.EventStatus;
import id.berdaya.training.event.TrainingEvent;
import id.berdaya.training.event.TrainingSession;
import id.berdaya.training.partner.PartnerService;
import id.berdaya.ui.components.Feedback;
import id.berdaya.ui.components.XlsxDownload;
import jakarta.annotation.security.RolesAllowed;

import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One training event: its summary, the buttons the service allows the user now (open, start,
 * cancel, close, reopen with a reason, the certificates' PDF), its sessions with their printable
 * sign-in sheets, its participants with their results, and its certificates.
 */
@Route("pelatihan/:id([0-9]{1,18})")
@RolesAllowed({"PROVINCE_ADMIN", "PROVINCE_OFFICER", "DISTRICT_HEAD", "DISTRICT_OPERATOR", "FIELD_OFFICER", "PARTNER"})
public class EventDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final EventService events;
    private final EnrolmentService enrolment;
    private final AttendanceService attendance;
    private final CertificateService certificates;
    private final Map<String, Kabkota> districts;
    private final PartnerService partners;
    private final BeneficiaryService register;
    private String title = "";

    public EventDetailView(EventService events, EnrolmentService enrolment, AttendanceService attendance, CertificateService certificates, RegionService regions,
                           PartnerService partners, BeneficiaryService register) {
        this.events = events;
        this.enrolment = enrolment;
        this.partners = partners;
        this.register = register;
        this.attendance = attendance;
        this.certificates = certificates;
        this.districts = regions.kabkotaByCode();
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(event.getRouteParameters().getLong("id").orElse(-1L));
    }

    private void show(long id) {
        removeAll();
        TrainingEvent e = events.get(id).orElse(null);
        if (e == null) {
            title = getTranslation("error.notFound");
            add(new H2(title), new RouterLink(getTranslation("training.backToList"), EventListView.class));
            return;
        }
        title = e.internalTitle() == null ? e.publicTitle() : e.internalTitle();
        Set<EventAction> may = events.actions(id);
        H2 heading = new H2(title);
        Paragraph status = new Paragraph(getTranslation("training.field.status") + ": " + getTranslation("training.status." + e.status().name()));
        status.setId("training-event-status");
        add(heading, status,
                new Paragraph(getTranslation("training.field.publicTitle") + ": " + e.publicTitle()),
                new Paragraph(getTranslation("training.field.kabkota") + ": "
                        + (districts.containsKey(e.kabkotaCode()) ? districts.get(e.kabkotaCode()).displayName() : e.kabkotaCode())),
                new Paragraph(getTranslation("training.field.dates") + ": " + IndonesianFormat.date(e.startDate()) + " – "
                        + IndonesianFormat.date(e.endDate()) + ", " + e.venue()),
                new Paragraph(getTranslation("training.field.participants") + ": " + e.enrolled() + " / " + e.quota()));
        add(buttons(e, may));

        add(new H3(getTranslation("training.sessions")));
        Grid<TrainingSession> sessions = new Grid<>();
        sessions.setId("training-sessions");
        sessions.setAllRowsVisible(true);
        sessions.addColumn(s -> IndonesianFormat.date(s.date()) + " " + s.startTime() + "–" + s.endTime())
                .setHeader(getTranslation("training.field.dates")).setAutoWidth(true);
        sessions.addColumn(TrainingSession::topic).setHeader(getTranslation("training.session.topic")).setFlexGrow(1);
        sessions.addColumn(s -> s.facilitatorName() == null ? "" : s.facilitatorName())
                .setHeader(getTranslation("training.session.facilitator")).setAutoWidth(true);
        sessions.addComponentColumn(s -> pdfLink(getTranslation("training.session.signInSheet"), "daftar-hadir-" + s.id(),
                () -> attendance.signInSheet(s.id()))).setAutoWidth(true);
        sessions.addComponentColumn(s -> new RouterLink(getTranslation("training.session.attendance"), AttendanceView.class,
                new RouteParameters(Map.of("id", String.valueOf(id), "sesi", String.valueOf(s.id()))))).setAutoWidth(true);
        sessions.setItems(events.sessions(id));
        add(sessions);
        if (may.contains(EventAction.EDIT)) {
            add(new SessionForm(events, partners, e, () -> show(e.id())));
        }

        add(new H3(getTranslation("training.participants")));
        Map<Long, ParticipantResult> results = may.contains(EventAction.SEE_RESULTS) ? attendance.results(id) : Map.of();
        Grid<Participant> participants = new Grid<>();
        participants.setId("training-participants");
        participants.setAllRowsVisible(true);
        participants.addColumn(Participant::fullName).setHeader(getTranslation("training.field.name")).setFlexGrow(1);
        participants.addColumn(p -> getTranslation("training.participant." + p.status().name()))
                .setHeader(getTranslation("training.field.status")).setAutoWidth(true);
        if (may.contains(EventAction.SEE_RESULTS)) {
            participants.addColumn(p -> results.containsKey(p.id()) && results.get(p.id()).postScore() != null
                    ? results.get(p.id()).postScore().stripTrailingZeros().toPlainString() : "")
                    .setHeader(getTranslation("training.field.postScore")).setAutoWidth(true);
            participants.addColumn(p -> results.containsKey(p.id()) && results.get(p.id()).attendancePct() != null
                    ? results.get(p.id()).attendancePct() + " %" : "").setHeader(getTranslation("training.field.attendance")).setAutoWidth(true);
            participants.addColumn(p -> results.containsKey(p.id()) && results.get(p.id()).result() != null
                    ? getTranslation("training.result." + results.get(p.id()).result().name()) : "")
                    .setHeader(getTranslation("training.field.result")).setAutoWidth(true);
        }
        if (may.contains(EventAction.ENROL)) {
            participants.addComponentColumn(p -> p.status() != ParticipantStatus.ENROLLED ? new Span()
                    : reasonButton("training.withdraw.action", "withdraw-" + p.id(), reason -> enrolment.withdraw(p.id(), reason, p.version()), e))
                    .setAutoWidth(true);
        }
        if (may.contains(EventAction.RECORD) && may.contains(EventAction.SEE_RESULTS)) {
            participants.addComponentColumn(p -> p.status() != ParticipantStatus.ENROLLED ? new Span() : scoreButton(e, p,
                    results.get(p.id()))).setAutoWidth(true);
        }
        participants.setItems(enrolment.participants(id));
        add(participants);
        if (may.contains(EventAction.EXPORT)) {
            XlsxDownload export = new XlsxDownload(getTranslation("action.export"), "peserta-" + id, out -> enrolment.exportParticipants(id,
                    participantsSheet(), Map.of(ParticipantStatus.ENROLLED, getTranslation("training.participant.ENROLLED"),
                            ParticipantStatus.WITHDRAWN, getTranslation("training.participant.WITHDRAWN")), out));
            export.setId("training-participants-export");
            add(export);
        }
        if (may.contains(EventAction.ENROL)) {
            add(new EnrolmentForm(enrolment, register, e, () -> show(e.id())));
        }

        if (may.contains(EventAction.SEE_RESULTS)) {
            add(new HorizontalLayout(recapXlsx(e), recapPdf(e)));
        }
        if (may.contains(EventAction.PRINT_CERTIFICATES)) {
            add(new H3(getTranslation("training.certificates")));
            Grid<Certificate> certs = new Grid<>();
            certs.setId("training-certificates");
            certs.setAllRowsVisible(true);
            certs.addColumn(Certificate::number).setHeader(getTranslation("verify.number")).setAutoWidth(true);
            certs.addColumn(Certificate::holderName).setHeader(getTranslation("training.field.name")).setFlexGrow(1);
            certs.addColumn(c -> getTranslation(c.valid() ? "training.certificate.valid" : "training.certificate.revokedShort"))
                    .setHeader(getTranslation("training.field.status")).setAutoWidth(true);
            if (may.contains(EventAction.REVOKE_CERTIFICATES)) {
                certs.addComponentColumn(c -> !c.valid() ? new Span() : reasonButton("training.certificate.revoke", "revoke-" + c.id(),
                        reason -> certificates.revoke(c.id(), reason, c.version()), e)).setAutoWidth(true);
            }
            certs.setItems(certificates.ofEvent(id));
            add(certs);
        }
    }

    /** The participants' export: its sheet name and headers in the user's language. */
    public XlsxSheet participantsSheet() {
        return new XlsxSheet(getTranslation("training.participants.sheet"), List.of(getTranslation("training.field.name"),
                getTranslation("training.field.status"), getTranslation("training.field.reason")));
    }

    /** A button that asks for a reason in a dialog, then acts (withdrawal, revocation). */
    private Button reasonButton(String key, String id, java.util.function.Consumer<String> action, TrainingEvent e) {
        Button b = new Button(getTranslation(key));
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        b.addClickListener(c -> {
            TextField reason = new TextField(getTranslation("training.field.reason"));
            reason.setId("reason-text");
            reason.setWidthFull();
            Dialog dialog = new Dialog(new H3(getTranslation(key)), reason);
            Button ok = new Button(getTranslation(key), x -> {
                try {
                    action.accept(reason.getValue());
                    dialog.close();
                    show(e.id());
                } catch (RuleViolation v) {
                    reason.setErrorMessage(getTranslation(v.problems().getFirst().key(), v.problems().getFirst().args().toArray()));
                    reason.setInvalid(true);
                }
            });
            ok.setId("reason-confirm");
            ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
            dialog.getFooter().add(new Button(getTranslation("action.cancel"), x -> dialog.close()), ok);
            dialog.open();
        });
        return b;
    }

    /** Pre- and post-test scores of one participant, in a small dialog. */
    private Button scoreButton(TrainingEvent e, Participant p, ParticipantResult current) {
        Button b = new Button(getTranslation("training.scores.enter"));
        b.setId("scores-" + p.id());
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        b.addClickListener(c -> {
            BigDecimalField pre = new BigDecimalField(getTranslation("training.field.preScore"));
            pre.setId("score-pre");
            BigDecimalField post = new BigDecimalField(getTranslation("training.field.postScore"));
            post.setId("score-post");
            if (current != null) {
                pre.setValue(current.preScore());
                post.setValue(current.postScore());
            }
            Dialog dialog = new Dialog(new H3(p.fullName()), new HorizontalLayout(pre, post));
            Button save = new Button(getTranslation("action.save"), s -> {
                try {
                    attendance.recordScores(p.id(), pre.getValue(), post.getValue());
                    dialog.close();
                    show(e.id());
                } catch (RuleViolation v) {
                    Feedback.show(this, v, Map.of("preScore", pre, "postScore", post));
                }
            });
            save.setId("score-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            dialog.getFooter().add(new Button(getTranslation("action.cancel"), x -> dialog.close()), save);
            dialog.open();
        });
        return b;
    }

    private HorizontalLayout buttons(TrainingEvent e, Set<EventAction> may) {
        HorizontalLayout row = new HorizontalLayout();
        row.setId("training-actions");
        if (may.contains(EventAction.OPEN)) {
            row.add(button("training.action.open", () -> events.changeStatus(e.id(), EventStatus.OPEN, e.version()), e));
        }
        if (may.contains(EventAction.START)) {
            row.add(button("training.action.start", () -> events.changeStatus(e.id(), EventStatus.RUNNING, e.version()), e));
        }
        if (may.contains(EventAction.CLOSE)) {
            Button close = new Button(getTranslation("training.action.close"));
            close.setId("training-action-close");
            close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            close.addClickListener(c -> {
                ConfirmDialog confirm = new ConfirmDialog(getTranslation("training.action.close"),
                        getTranslation("training.action.closeConfirm"), getTranslation("training.action.close"),
                        ok -> act(() -> events.close(e.id(), e.version()), e));
                confirm.setCancelable(true);
                confirm.setCancelText(getTranslation("action.cancel"));
                confirm.open();
            });
            row.add(close);
        }
        if (may.contains(EventAction.REOPEN)) {
            TextField reason = new TextField(getTranslation("training.field.reason"));
            reason.setId("training-reopen-reason");
            Button reopen = button("training.action.reopen", () -> events.reopen(e.id(), reason.getValue(), e.version()), e);
            row.add(reason, reopen);
            row.setAlignItems(Alignment.END);
        }
        if (may.contains(EventAction.CANCEL)) {
            Button cancel = button("training.action.cancelEvent", () -> events.changeStatus(e.id(), EventStatus.CANCELLED, e.version()), e);
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            row.add(cancel);
        }
        if (may.contains(EventAction.PRINT_CERTIFICATES)) {
            row.add(pdfLink(getTranslation("training.action.printCertificates"), "sertifikat-" + e.id(), () -> certificates.eventPdf(e.id())));
        }
        return row;
    }

    private Button button(String key, Runnable action, TrainingEvent e) {
        Button b = new Button(getTranslation(key), c -> act(action, e));
        b.setId(key.replace('.', '-'));
        return b;
    }

    private void act(Runnable action, TrainingEvent e) {
        try {
            action.run();
            Feedback.success(this, "training.saved");
        } catch (RuleViolation v) {
            Feedback.error(this, v.problems().getFirst().key(), v.problems().getFirst().args().toArray());
        }
        show(e.id());
    }

    /** The attendance recap (person × session, with each share) as XLSX, in the user's language. */
    private XlsxDownload recapXlsx(TrainingEvent e) {
        Map<AttendanceState, String> labels = new EnumMap<>(AttendanceState.class);
        for (AttendanceState st : AttendanceState.values()) {
            labels.put(st, getTranslation("training.attendance." + st.name()));
        }
        XlsxDownload x = new XlsxDownload(getTranslation("training.recap.xlsx"), "rekap-kehadiran-" + e.id(), out -> attendance.exportRecap(
                e.id(), new XlsxSheet(getTranslation("training.recap.title"), List.of(getTranslation("training.field.name"),
                        getTranslation("training.recap.share"))), labels, out));
        x.setId("training-recap-xlsx");
        return x;
    }

    /** The attendance recap as a PDF, A4 landscape, with a short mark per state and its legend. */
    private Anchor recapPdf(TrainingEvent e) {
        Map<AttendanceState, String> marks = new EnumMap<>(AttendanceState.class);
        List<String> legend = new java.util.ArrayList<>();
        for (AttendanceState st : AttendanceState.values()) {
            marks.put(st, getTranslation("training.recap.mark." + st.name()));
            legend.add(marks.get(st) + " = " + getTranslation("training.attendance." + st.name()));
        }
        RecapWords words = new RecapWords(getTranslation("training.recap.title"), getTranslation("training.field.name"),
                getTranslation("training.recap.share"), marks, String.join(", ", legend));
        Anchor a = pdfLink(getTranslation("training.recap.pdf"), "rekap-kehadiran-" + e.id(), () -> attendance.recapPdf(e.id(), words));
        a.setId("training-recap-pdf");
        return a;
    }

    private Anchor pdfLink(String label, String baseName, Supplier<byte[]> pdf) {
        Anchor a = new Anchor((DownloadEvent event) -> {
            event.setFileName(baseName + ".pdf");
            event.setContentType("application/pdf");
            event.getOutputStream().write(pdf.get());
        }, label);
        a.getElement().setAttribute("download", true);
        return a;
    }

    @Override
    public String getPageTitle() {
        return title + " · Berdaya";
    }
}
