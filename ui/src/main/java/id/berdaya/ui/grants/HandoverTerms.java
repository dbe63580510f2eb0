package id.berdaya.ui.grants;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.grants.handover.Handover;
import id.berdaya.grants.handover.HandoverPhoto;
import id.berdaya.grants.handover.HandoverService;
import id.berdaya.ui.components.Feedback;
import id.berdaya.ui.components.PhotoPicker;
import id.berdaya.ui.components.WidgetTexts;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The terms of a handover entered once, for one proposal or a group: date, place, handing party,
 * witness, the optional position (latitude/longitude), the photos and the consent to keep the
 * photos' GPS position. Field ids and labels are stable (the browser tests use them).
 */
class HandoverTerms extends VerticalLayout {

    final DatePicker date = WidgetTexts.datePicker(new DatePicker());
    final TextField place = new TextField();
    final TextField giverName = new TextField();
    final TextField giverPosition = new TextField();
    final TextField giverOffice = new TextField();
    final TextField witnessName = new TextField();
    final TextField witnessPosition = new TextField();
    final BigDecimalField latitude = new BigDecimalField();
    final BigDecimalField longitude = new BigDecimalField();
    final PhotoPicker photos;
    final Checkbox keepPhotoPosition = new Checkbox();

    HandoverTerms(HandoverService handovers) {
        setPadding(false);
        date.setLabel(getTranslation("grants.handover.date"));
        date.setId("handover-date");
        date.setValue(LocalDate.now(IndonesianFormat.WIB));
        field(place, "handover-place", "grants.handover.place");
        field(giverName, "handover-giver-name", "grants.handover.giverName");
        field(giverPosition, "handover-giver-position", "grants.handover.giverPosition");
        field(giverOffice, "handover-giver-office", "grants.handover.giverOffice");
        field(witnessName, "handover-witness-name", "grants.handover.witnessName");
        field(witnessPosition, "handover-witness-position", "grants.handover.witnessPosition");
        latitude.setId("handover-latitude");
        latitude.setLabel(getTranslation("grants.handover.latitude"));
        latitude.setPlaceholder("-7,388");
        longitude.setId("handover-longitude");
        longitude.setLabel(getTranslation("grants.handover.longitude"));
        longitude.setPlaceholder("109,362");
        photos = new PhotoPicker("handover-photos", getTranslation("grants.handover.photos"), getTranslation("grants.handover.photosHint"),
                HandoverService.MAX_PHOTOS, HandoverService.MAX_PHOTO_BYTES, handovers::checkPhoto);
        keepPhotoPosition.setId("handover-keep-photo-position");
        keepPhotoPosition.setLabel(getTranslation("grants.handover.keepPhotoPosition"));
        add(new FormLayout(date, place, giverName, giverPosition, giverOffice, witnessName, witnessPosition, latitude, longitude),
                photos, keepPhotoPosition);
    }

    private void field(TextField f, String id, String key) {
        f.setId(id);
        f.setLabel(getTranslation(key));
        f.setMaxLength(150);
    }

    /** The photos accepted so far, as the service takes them. */
    List<HandoverPhoto.Upload> photoUploads() {
        return photos.photos().stream().map(p -> new HandoverPhoto.Upload(p.fileName(), p.content())).toList();
    }

    /** The position entered: none when both are empty (the service refuses one without the other). */
    Handover.Position position() {
        if (latitude.getValue() == null && longitude.getValue() == null) {
            return null;
        }
        return new Handover.Position(latitude.getValue(), longitude.getValue());
    }

    /** Shows the service's refusal beside the fields (the photos' below the upload). */
    void show(RuleViolation v) {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("handedOn", date);
        fields.put("place", place);
        fields.put("giverName", giverName);
        fields.put("giverPosition", giverPosition);
        fields.put("giverOffice", giverOffice);
        fields.put("witnessName", witnessName);
        fields.put("witnessPosition", witnessPosition);
        fields.put("position", latitude);
        photos.showError(v.problems().stream().filter(p -> "photos".equals(p.field()))
                .map(p -> getTranslation(p.key(), p.args().toArray())).reduce((a, b) -> a + " " + b).orElse(""));
        Feedback.show(this, v, fields);
    }
}
