package id.berdaya.ui.components;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import id.berdaya.core.RuleViolation;

/**
 * The upload of one signed scan (PDF, JPG or PNG; the service checks the content): at most
 * {@code maxBytes} enforced on the server ({@link BoundedUploadHandler}), the service's refusal or
 * the size limit shown as an error, success shown and {@code stored} run in the UI.
 */
public final class ScanUpload {

    /** Stores the uploaded bytes through a service (which may refuse with a {@link RuleViolation}). */
    @FunctionalInterface
    public interface Store {
        void store(String fileName, byte[] content);
    }

    private ScanUpload() {
    }

    public static Upload create(Component owner, int maxBytes, String buttonKey, String successKey, String tooLargeKey, Store store,
                                Runnable stored) {
        Upload upload = WidgetTexts.upload(new Upload(new BoundedUploadHandler(maxBytes, (event, body) -> {
            UI ui = event.getUI();
            byte[] bytes = body.readAllBytes();
            try {
                store.store(event.getFileName(), bytes);
                ui.access(() -> {
                    Feedback.success(owner, successKey);
                    stored.run();
                });
            } catch (RuleViolation v) {
                ui.access(() -> Feedback.error(owner, v.problems().getFirst().key(), v.problems().getFirst().args().toArray()));
            }
        }, () -> Feedback.error(owner, tooLargeKey, maxBytes / (1024 * 1024)))));
        upload.setUploadFormat(UploadFormat.RAW);
        upload.setMaxFiles(1);
        upload.setMaxFileSize(maxBytes);
        upload.setAcceptedFileTypes("application/pdf", ".pdf", "image/jpeg", ".jpg", ".jpeg", "image/png", ".png");
        upload.setUploadButton(new Button(owner.getTranslation(buttonKey)));
        return upload;
    }
}
