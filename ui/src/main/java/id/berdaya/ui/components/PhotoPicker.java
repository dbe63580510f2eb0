package id.berdaya.ui.components;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import id.berdaya.core.RuleViolation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The photos of a form (the handover's, a monitoring visit's): up to {@code maxPhotos} JPG/PNG
 * files, each checked at once by the feature service's {@code check} (which throws a
 * {@link RuleViolation} when it refuses one; the size is bounded on the server by
 * {@link BoundedUploadHandler}) and kept in memory until the form saves them. A refused one is
 * shown with its reason (and marked failed in the upload's list) and not kept; one removed from
 * the upload's list is forgotten. The service checks and cleans them again when saving.
 * <p>
 * Ids: the upload {@code id}, its label {@code id-label}, the error line {@code id-error}, the
 * accepted photos {@code id-list}.
 */
public class PhotoPicker extends VerticalLayout {

    /** A photo accepted so far: the file's name and its bytes as uploaded. */
    public record Photo(String fileName, byte[] content) {
    }

    private final Upload upload;
    private final int maxPhotos;
    private final List<Photo> photos = new ArrayList<>();
    private final Div list = new Div();
    private final Span error = new Span();

    /**
     * @param label the translated label above the upload
     * @param hint  a translated line under the label, or null
     * @param check the service's check of one photo's bytes: returns when accepted, throws a
     *              {@link RuleViolation} (its first problem is shown) when refused
     */
    public PhotoPicker(String id, String label, String hint, int maxPhotos, int maxBytes, Consumer<byte[]> check) {
        this.maxPhotos = maxPhotos;
        setPadding(false);
        setSpacing(false);
        Span title = new Span(label);
        title.setId(id + "-label");
        title.getStyle().set("font-weight", "600");
        add(title);
        if (hint != null) {
            Span line = new Span(hint);
            line.getStyle().set("font-size", "var(--lumo-font-size-s)");
            add(line);
        }
        error.setId(id + "-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        list.setId(id + "-list");
        upload = WidgetTexts.upload(new Upload(new BoundedUploadHandler(maxBytes, (event, body) -> {
            UI ui = event.getUI();
            byte[] bytes = body.readAllBytes();
            String name = event.getFileName();
            String refused = null;
            try {
                check.accept(bytes);
            } catch (RuleViolation v) {
                RuleViolation.Problem p = v.problems().getFirst();
                refused = ui.getTranslation(p.key(), p.args().toArray());
                event.reject(refused);
            }
            String shown = refused;
            ui.accessSynchronously(() -> received(name, bytes, shown));
        }, () -> error.setText(getTranslation("photo.tooLarge", maxBytes / (1024 * 1024))))));
        upload.setId(id);
        upload.setUploadFormat(UploadFormat.RAW);
        upload.setMaxFiles(maxPhotos);
        upload.setMaxFileSize(maxBytes);
        upload.setAcceptedFileTypes("image/jpeg", ".jpg", ".jpeg", "image/png", ".png");
        upload.setUploadButton(new Button(getTranslation("photo.add")));
        upload.addFileRemovedListener(e -> removed(e.getFileName()));
        add(upload, error, list);
    }

    /** The photos accepted so far, in the order added. */
    public List<Photo> photos() {
        return List.copyOf(photos);
    }

    /** Shows a refusal that concerns the photos (from saving); empty clears it. */
    public void showError(String text) {
        error.setText(text);
    }

    /** Adds a photo that the service accepted, or shows why it refused it. */
    private void received(String name, byte[] bytes, String refused) {
        if (refused != null) {
            error.setText(name + ": " + refused);
            return;
        }
        if (photos.size() >= maxPhotos) {
            error.setText(getTranslation("photo.tooMany", maxPhotos));
            return;
        }
        error.setText("");
        photos.add(new Photo(name, bytes));
        Span accepted = new Span(getTranslation("photo.added", name));
        accepted.addClassName("berdaya-photo-accepted");
        accepted.getStyle().set("display", "block");
        list.add(accepted);
    }

    /** Forgets a photo the user removed from the upload's list (the first of that name). */
    private void removed(String name) {
        for (int i = 0; i < photos.size(); i++) {
            if (photos.get(i).fileName().equals(name)) {
                photos.remove(i);
                list.getComponentAt(i).removeFromParent();
                return;
            }
        }
    }
}
