package id.berdaya.ui.components;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadEvent;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * A "Download XLSX" link whose file is written by a service straight into the HTTP response
 * (streamed, nothing held in memory), with the user's current filter.
 */
public final class XlsxDownload extends Anchor {

    public XlsxDownload(String label, String baseName, Consumer<OutputStream> writer) {
        this(label, baseName, ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", writer);
    }

    /** The same link for a PDF written by a service (the reports). */
    public static XlsxDownload pdf(String label, String baseName, Consumer<OutputStream> writer) {
        return new XlsxDownload(label, baseName, ".pdf", "application/pdf", writer);
    }

    private XlsxDownload(String label, String baseName, String extension, String contentType, Consumer<OutputStream> writer) {
        super((DownloadEvent event) -> {
            event.setFileName(baseName + "-" + LocalDate.now() + extension);
            event.setContentType(contentType);
            try (OutputStream out = event.getOutputStream()) {
                writer.accept(out);
            }
        }, "");
        Button button = new Button(label, VaadinIcon.DOWNLOAD.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.setTabIndex(-1);
        add(button);
        getElement().setAttribute("download", true);
    }

}
