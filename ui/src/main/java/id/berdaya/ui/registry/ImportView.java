package id.berdaya.ui.registry;

import id.berdaya.registry.imports.ImportBatch;
import id.berdaya.registry.imports.ImportCounts;
import id.berdaya.registry.imports.ImportIssue;
import id.berdaya.registry.imports.ImportPreview;
import id.berdaya.registry.imports.ImportService;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.shared.Registration;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.export.XlsxSheet;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.ui.components.BoundedUploadHandler;
import id.berdaya.ui.components.Feedback;
import id.berdaya.ui.components.PrivateUploads;
import id.berdaya.ui.components.WidgetTexts;
import id.berdaya.ui.components.XlsxDownload;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.beans.factory.annotation.Value;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Import of beneficiaries: the template, the upload with its preview (each row valid, warning,
 * error or skipped, with the reasons), the background commit with a progress bar (polled, so the
 * user can leave and come back) and the history with the rejected rows as XLSX. District
 * operators import for their own district, province administrators for any; the service decides.
 */
@Route("penerima-manfaat/impor")
@RolesAllowed({"DISTRICT_OPERATOR", "PROVINCE_ADMIN"})
public class ImportView extends VerticalLayout implements HasDynamicTitle {

    static final int POLL_MS = 1000;
    private final ImportService importer;
    private final Path uploads;
    final Upload upload;
    final Span summary = new Span();
    final Paragraph previous = new Paragraph();
    final Grid<ImportIssue> issues = new Grid<>();
    final Button commit = new Button();
    final Button discard = new Button();
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Grid<ImportBatch> history = new Grid<>();
    final VerticalLayout previewBox = new VerticalLayout();
    private ImportBatch current;
    private Registration polling;

    public ImportView(ImportService importer, @Value("${berdaya.home:${user.home}/.berdaya}") String home) {
        this.importer = importer;
        this.uploads = Path.of(home, "imports");
        setSizeFull();
        add(new H2(getTranslation("import.title")), new Paragraph(getTranslation("import.intro")));

        Anchor csv = new Anchor((DownloadEvent event) -> {
            event.setFileName("templat-penerima-manfaat.csv");
            event.setContentType("text/csv; charset=UTF-8");
            writeTemplate(false, event.getOutputStream());
        }, "");
        Button csvButton = new Button(getTranslation("import.template.csv"), VaadinIcon.DOWNLOAD.create());
        csvButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        csvButton.setTabIndex(-1);
        csv.add(csvButton);
        csv.getElement().setAttribute("download", true);
        csv.setId("import-template-csv");
        XlsxDownload xlsx = new XlsxDownload(getTranslation("import.template.xlsx"), "templat-penerima-manfaat",
                out -> writeTemplate(true, out));
        xlsx.setId("import-template-xlsx");

        // the upload goes straight into the private imports directory, never the shared temporary one
        upload = new Upload(new BoundedUploadHandler(ImportService.MAX_BYTES, (event, body) -> {
            UI ui = event.getUI();
            Path file = PrivateUploads.receive(uploads, body);
            try {
                ImportPreview preview = importer.preview(event.getFileName(), file);
                ui.accessSynchronously(() -> show(preview));
            } catch (RuleViolation v) {
                ui.accessSynchronously(() -> {
                    clearPreview();
                    Feedback.show(this, v, Map.of());
                    summary.setText(v.problems().stream().map(this::text).collect(Collectors.joining(" ")));
                    summary.setVisible(true);
                });
            } finally {
                Files.deleteIfExists(file);
            }
        }, () -> {
            clearPreview();
            summary.setText(getTranslation("import.file.tooLarge", ImportService.MAX_BYTES / (1024 * 1024)));
            summary.setVisible(true);
        }));
        upload.setId("import-upload");
        WidgetTexts.upload(upload);
        upload.setUploadFormat(UploadFormat.RAW); // the body streams to the handler; no multipart part in a temporary file
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) ImportService.MAX_BYTES);
        upload.setAcceptedFileTypes("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".csv", ".xlsx");
        upload.setUploadButton(new Button(getTranslation("import.upload"), VaadinIcon.UPLOAD.create()));
        HorizontalLayout top = new HorizontalLayout(upload, csv, xlsx);
        top.setAlignItems(FlexComponent.Alignment.CENTER);
        add(top);

        summary.setId("import-summary");
        previous.setId("import-previous");
        issues.setId("import-issues");
        issues.addColumn(ImportIssue::line).setHeader(getTranslation("import.col.line")).setAutoWidth(true);
        issues.addColumn(i -> getTranslation("import.outcome." + i.outcome().name())).setHeader(getTranslation("import.col.outcome")).setAutoWidth(true);
        issues.addColumn(ImportIssue::nik).setHeader(getTranslation("import.col.nik")).setAutoWidth(true);
        issues.addColumn(ImportIssue::fullName).setHeader(getTranslation("import.col.name")).setAutoWidth(true);
        issues.addColumn(i -> i.reasons().stream().map(this::text).collect(Collectors.joining(" "))).setHeader(getTranslation("import.col.reasons"))
                .setFlexGrow(1);
        issues.addThemeVariants(GridVariant.LUMO_COMPACT);
        issues.setHeight("18em");
        commit.setId("import-commit");
        commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        commit.addClickListener(e -> startCommit());
        discard.setText(getTranslation("import.discard"));
        discard.setId("import-discard");
        discard.addClickListener(e -> {
            importer.discard(current.id());
            Feedback.success(this, "import.discarded");
            clearPreview();
            refreshHistory();
        });
        progress.setId("import-progress");
        progressText.setId("import-progress-text");
        HorizontalLayout actions = new HorizontalLayout(commit, discard);
        previewBox.setPadding(false);
        previewBox.add(previous, new Span(getTranslation("import.issuesShown", ImportService.PREVIEW_ISSUES)), issues, actions);
        previewBox.setVisible(false);
        progress.setVisible(false);
        progressText.setVisible(false);
        summary.setVisible(false);
        add(summary, previewBox, progress, progressText);

        history.setId("import-history");
        history.addColumn(b -> IndonesianFormat.dateTime(b.createdAt())).setHeader(getTranslation("import.col.when")).setAutoWidth(true);
        history.addColumn(ImportBatch::createdBy).setHeader(getTranslation("import.col.who")).setAutoWidth(true);
        history.addColumn(ImportBatch::fileName).setHeader(getTranslation("import.col.file")).setAutoWidth(true);
        history.addColumn(b -> b.sha256().substring(0, 12) + "…").setHeader(getTranslation("import.col.hash")).setAutoWidth(true)
                .setTooltipGenerator(ImportBatch::sha256);
        history.addColumn(this::countsText).setHeader(getTranslation("import.col.counts")).setFlexGrow(1);
        history.addColumn(this::statusText).setHeader(getTranslation("import.col.status")).setAutoWidth(true);
        history.addComponentColumn(this::rejectedDownload).setAutoWidth(true);
        history.addThemeVariants(GridVariant.LUMO_COMPACT);
        add(new H3(getTranslation("import.history")), history);
        setFlexGrow(1, history);
        refreshHistory();
    }

    /** Called with the service's verdict on an uploaded file. */
    void show(ImportPreview preview) {
        current = preview.batch();
        summary.setText(countsText(current));
        summary.setVisible(true);
        previous.setVisible(current.previousImport() != null);
        previous.setText(current.previousImport() == null ? "" : getTranslation("import.previous", String.valueOf(current.previousImport())));
        issues.setItems(preview.issues());
        commit.setText(getTranslation("import.commit", IndonesianFormat.number(current.counts().importable())));
        commit.setEnabled(current.counts().importable() > 0);
        previewBox.setVisible(true);
        refreshHistory();
    }

    private void clearPreview() {
        current = null;
        previewBox.setVisible(false);
        summary.setVisible(false);
        issues.setItems(List.of());
    }

    private void startCommit() {
        try {
            current = importer.commit(current.id(), current.version());
            commit.setEnabled(false);
            previewBox.setVisible(false);
            Feedback.success(this, "import.started");
            showProgress(current);
            startPolling();
        } catch (RuleViolation v) {
            Feedback.show(this, v, Map.of());
        }
        refreshHistory();
    }

    private void showProgress(ImportBatch b) {
        progress.setVisible(true);
        progressText.setVisible(true);
        progress.setValue(b.progress());
        progressText.setText(switch (b.status()) {
            case DONE -> getTranslation("import.done", IndonesianFormat.number(b.counts().inserted()));
            case FAILED, INTERRUPTED -> getTranslation("import.failed", message(b));
            default -> getTranslation("import.progress", IndonesianFormat.number(b.progressRows()), IndonesianFormat.number(b.counts().total()));
        });
    }

    /** While a batch runs, the page asks for news every second (no server push needed). */
    private void startPolling() {
        UI ui = getUI().orElse(null);
        if (ui == null || polling != null) {
            return;
        }
        ui.setPollInterval(POLL_MS);
        polling = ui.addPollListener(e -> poll());
    }

    void poll() {
        if (current != null) {
            importer.batch(current.id()).ifPresent(b -> {
                current = b;
                showProgress(b);
            });
        }
        refreshHistory();
        if (current == null || !current.running()) {
            stopPolling();
        }
    }

    private void stopPolling() {
        if (polling != null) {
            polling.remove();
            polling = null;
            getUI().ifPresent(ui -> ui.setPollInterval(-1));
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        // coming back to the page: follow an import that is still running
        importer.history(20).stream().filter(ImportBatch::running).findFirst().ifPresent(b -> {
            current = b;
            showProgress(b);
            startPolling();
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopPolling();
        super.onDetach(event);
    }

    void refreshHistory() {
        history.setItems(importer.history(50));
    }

    private String countsText(ImportBatch b) {
        ImportCounts c = b.counts();
        String text = getTranslation("import.counts", IndonesianFormat.number(c.total()), IndonesianFormat.number(c.valid()),
                IndonesianFormat.number(c.warnings()), IndonesianFormat.number(c.errors()), IndonesianFormat.number(c.skipped()));
        return b.status() == ImportBatch.Status.DONE ? text + " · " + getTranslation("import.inserted", IndonesianFormat.number(c.inserted())) : text;
    }

    private String statusText(ImportBatch b) {
        String s = getTranslation("import.status." + b.status().name());
        return b.message() == null ? s : s + ": " + message(b);
    }

    private String message(ImportBatch b) {
        String m = b.message();
        return m != null && m.startsWith("import.") ? getTranslation(m) : String.valueOf(m);
    }

    private com.vaadin.flow.component.Component rejectedDownload(ImportBatch b) {
        if (b.counts().errors() + b.counts().skipped() == 0) {
            return new Span();
        }
        XlsxDownload d = new XlsxDownload(getTranslation("import.rejected"), "impor-" + b.id() + "-ditolak",
                out -> importer.exportRejected(b.id(), new XlsxSheet(getTranslation("import.rejected.sheet"),
                        List.of(getTranslation("import.col.line"), getTranslation("import.col.outcome"), getTranslation("import.col.nik"),
                                getTranslation("import.col.name"), getTranslation("import.col.reasons"))),
                        this::text, out));
        d.setId("import-rejected-" + b.id());
        return d;
    }

    /** The template in the user's language (its XLSX explains the allowed values on a second sheet). */
    void writeTemplate(boolean xlsx, OutputStream out) {
        importer.writeTemplate(xlsx, this::text, out);
    }

    private String text(RuleViolation.Problem p) {
        return getTranslation(p.key(), p.args().toArray());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("import.title") + " · Berdaya";
    }
}
