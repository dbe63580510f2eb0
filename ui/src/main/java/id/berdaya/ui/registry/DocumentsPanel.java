package id.berdaya.ui.registry;

import id.berdaya.registry.document.DocumentContent;
import id.berdaya.registry.document.DocumentInfo;
import id.berdaya.registry.document.DocumentService;
import id.berdaya.registry.document.DocumentType;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.server.streams.DownloadEvent;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.ui.components.BoundedUploadHandler;
import id.berdaya.ui.components.Feedback;
import id.berdaya.ui.components.WidgetTexts;

import java.util.Map;

/** A beneficiary's documents: the list with audited downloads, and an upload for operators and heads. */
class DocumentsPanel extends VerticalLayout {

    private final DocumentService documents;
    private final long beneficiaryId;
    private final Grid<DocumentInfo> grid = new Grid<>();

    DocumentsPanel(DocumentService documents, long beneficiaryId, boolean canUpload) {
        this.documents = documents;
        this.beneficiaryId = beneficiaryId;
        setPadding(false);
        grid.setId("documents");
        grid.addColumn(d -> getTranslation("registry.document.type." + d.type().name())).setHeader(getTranslation("registry.document.type")).setAutoWidth(true);
        grid.addComponentColumn(this::downloadLink).setHeader(getTranslation("registry.document.file")).setFlexGrow(1);
        grid.addColumn(d -> IndonesianFormat.number(Math.max(1, d.sizeBytes() / 1024)) + " KB").setHeader(getTranslation("registry.document.size")).setAutoWidth(true);
        grid.addColumn(d -> d.uploadedBy() + " · " + IndonesianFormat.dateTime(d.uploadedAt())).setHeader(getTranslation("registry.document.uploadedBy")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("registry.document.none"));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        add(grid);
        refresh();

        if (canUpload) {
            Select<DocumentType> type = new Select<>();
            type.setLabel(getTranslation("registry.document.type"));
            type.setId("document-type");
            type.setItems(DocumentType.values());
            type.setItemLabelGenerator(t -> getTranslation("registry.document.type." + t.name()));
            type.setValue(DocumentType.KTP);
            Upload upload = new Upload(new BoundedUploadHandler(DocumentService.MAX_BYTES, (event, body) -> {
                UI ui = event.getUI();
                byte[] bytes = body.readAllBytes();
                try {
                    documents.upload(beneficiaryId, type.getValue(), event.getFileName(), bytes);
                    ui.access(() -> {
                        refresh();
                        Feedback.success(this, "registry.document.uploaded");
                    });
                } catch (RuleViolation v) {
                    ui.access(() -> Feedback.show(this, v, Map.of("type", type)));
                }
            }, () -> Feedback.error(this, "registry.document.tooLarge", DocumentService.MAX_BYTES / (1024 * 1024))));
            upload.setId("document-upload");
            WidgetTexts.upload(upload);
            upload.setUploadFormat(UploadFormat.RAW); // the body streams to the handler; no multipart part in a temporary file
            upload.setMaxFiles(1);
            upload.setMaxFileSize(DocumentService.MAX_BYTES);
            upload.setAcceptedFileTypes("application/pdf", "image/jpeg", "image/png", ".pdf", ".jpg", ".jpeg", ".png");
            upload.setUploadButton(new com.vaadin.flow.component.button.Button(getTranslation("registry.document.upload")));
            HorizontalLayout row = new HorizontalLayout(type, upload);
            row.setAlignItems(FlexComponent.Alignment.END);
            add(row);
        }
    }

    private void refresh() {
        grid.setItems(documents.list(beneficiaryId));
    }

    private Anchor downloadLink(DocumentInfo d) {
        Anchor a = new Anchor((DownloadEvent event) -> {
            DocumentContent c = documents.download(d.id());
            event.setFileName(c.fileName());
            event.setContentType(c.contentType());
            event.getOutputStream().write(c.content());
        }, d.fileName());
        a.getElement().setAttribute("download", true);
        return a;
    }
}
