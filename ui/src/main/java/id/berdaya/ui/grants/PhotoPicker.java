package id.berdaya.ui.grants;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import id.berdaya.core.RuleViolation;
import id.berdaya.grants.handover.HandoverPhoto;
import id.berdaya.grants.handover.HandoverService;
import id.berdaya.ui.components.BoundedUploadHandler;
import id.berdaya.ui.components.WidgetTexts;

import java.util.ArrayList;
import java.util.List;

/**
 * The photos of a handover form: one to three JPG/PNG files, each checked by the service at once
 * ({@link HandoverService#checkPhoto}: by content, really decodable, size-bounded on the server by
 * {@link BoundedUploadHandler}) and kept in memory until the form records them; a refused one is
 * shown with its reason (and marked failed in the upload's list) and not kept; one removed from the
 * upload's list is forgotten. The service checks and cleans them again when recording.
 */
class PhotoPicker extends VerticalLayout {

    final Upload upload;
    private final List<HandoverPhoto.Upload> photos = new ArrayList<>();
    private final Div list = new Div();
    private final Span error = new Span();

    PhotoPicker(HandoverService handovers) {
        setPadding(false);
        setSpacing(false);
        Span label = new Span(getTranslation("grants.handover.photos"));
        label.setId("handover-photos-label");
        label.getStyle().set("font-weight", "600");
        Span hint = new Span(getTranslation("grants.handover.photosHint"));
        hint.getStyle().set("font-size", "var(--lumo-font-size-s)");
        error.setId("handover-photos-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        list.setId("handover-photos-list");
        upload = WidgetTexts.upload(new Upload(new BoundedUploadHandler(HandoverService.MAX_PHOTO_BYTES, (event, body) -> {
            UI ui = event.getUI();
            byte[] bytes = body.readAllBytes();
            String name = event.getFileName();
            String refused = null;
            try {
                handovers.checkPhoto(bytes);
            } catch (RuleViolation v) {
                RuleViolation.Problem p = v.problems().getFirst();
                refused = getTranslation(p.key(), p.args().toArray());
                event.reject(refused);
            }
            String shown = refused;
            ui.accessSynchronously(() -> received(name, bytes, shown));
        }, () -> error.setText(getTranslation("photo.tooLarge", HandoverService.MAX_PHOTO_BYTES / (1024 * 1024))))));
        upload.setId("handover-photos");
        upload.setUploadFormat(UploadFormat.RAW);
        upload.setMaxFiles(HandoverService.MAX_PHOTOS);
        upload.setMaxFileSize(HandoverService.MAX_PHOTO_BYTES);
        upload.setAcceptedFileTypes("image/jpeg", ".jpg", ".jpeg", "image/png", ".png");
        upload.setUploadButton(new Button(getTranslation("grants.handover.photoAdd")));
        upload.addFileRemovedListener(e -> removed(e.getFileName()));
        add(label, hint, upload, error, list);
    }

    /** The photos accepted so far, in the order added. */
    List<HandoverPhoto.Upload> photos() {
        return List.copyOf(photos);
    }

    /** Adds a photo that the service accepted, or shows why it refused it. */
    void received(String name, byte[] bytes, String refused) {
        if (refused != null) {
            error.setText(name + ": " + refused);
            return;
        }
        if (photos.size() >= HandoverService.MAX_PHOTOS) {
            error.setText(getTranslation("grants.handover.photoTooMany", HandoverService.MAX_PHOTOS));
            return;
        }
        error.setText("");
        photos.add(new HandoverPhoto.Upload(name, bytes));
        Span accepted = new Span(getTranslation("grants.handover.photoAdded", name));
        accepted.addClassName("handover-photo-accepted");
        accepted.getStyle().set("display", "block");
        list.add(accepted);
    }

    /** Forgets a photo the user removed from the upload's list (the first of that name). */
    void removed(String name) {
        for (int i = 0; i < photos.size(); i++) {
            if (photos.get(i).fileName().equals(name)) {
                photos.remove(i);
                list.getComponentAt(i).removeFromParent();
                return;
            }
        }
    }

    /** Shows a refusal that concerns the photos (from recording). */
    void showError(String text) {
        error.setText(text);
    }
}
