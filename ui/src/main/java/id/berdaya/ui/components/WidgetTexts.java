package id.berdaya.ui.components;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;

import java.util.Arrays;
import java.util.List;

/**
 * The built-in texts of Vaadin's widgets (a date picker's month and day names, an upload's "Drop
 * file here") in the UI's language, from the i18n bundles. Every date picker and upload goes
 * through here.
 */
public final class WidgetTexts {

    private WidgetTexts() {
    }

    /** Month and weekday names, today/cancel and the date format dd/MM/yyyy of the UI's language. */
    public static DatePicker datePicker(DatePicker picker) {
        picker.setI18n(new DatePicker.DatePickerI18n().setDateFormat(picker.getTranslation("date.format"))
                .setMonthNames(list(picker.getTranslation("date.months"))).setWeekdays(list(picker.getTranslation("date.weekdays")))
                .setWeekdaysShort(list(picker.getTranslation("date.weekdaysShort"))).setToday(picker.getTranslation("date.today"))
                .setCancel(picker.getTranslation("date.cancel")).setBadInputErrorMessage(picker.getTranslation("date.badInput"))
                .setFirstDayOfWeek(1));
        return picker;
    }

    /** The drop hint, the add button, the errors and the progress texts of the UI's language. */
    public static Upload upload(Upload upload) {
        UploadI18N i18n = new UploadI18N()
                .setDropFiles(new UploadI18N.DropFiles().setOne(upload.getTranslation("upload.drop.one"))
                        .setMany(upload.getTranslation("upload.drop.many")))
                .setAddFiles(new UploadI18N.AddFiles().setOne(upload.getTranslation("upload.add.one"))
                        .setMany(upload.getTranslation("upload.add.many")))
                .setError(new UploadI18N.Error().setTooManyFiles(upload.getTranslation("upload.error.tooManyFiles"))
                        .setFileIsTooBig(upload.getTranslation("upload.error.fileIsTooBig"))
                        .setIncorrectFileType(upload.getTranslation("upload.error.incorrectFileType")))
                .setUploading(new UploadI18N.Uploading()
                        .setStatus(new UploadI18N.Uploading.Status().setConnecting(upload.getTranslation("upload.status.connecting"))
                                .setStalled(upload.getTranslation("upload.status.stalled"))
                                .setProcessing(upload.getTranslation("upload.status.processing"))
                                .setHeld(upload.getTranslation("upload.status.held")))
                        .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(upload.getTranslation("upload.remaining.prefix"))
                                .setUnknown(upload.getTranslation("upload.remaining.unknown")))
                        .setError(new UploadI18N.Uploading.Error()
                                .setServerUnavailable(upload.getTranslation("upload.failed.serverUnavailable"))
                                .setUnexpectedServerError(upload.getTranslation("upload.failed.unexpectedServerError"))
                                .setForbidden(upload.getTranslation("upload.failed.forbidden"))
                                .setFileTooLarge(upload.getTranslation("upload.failed.fileTooLarge"))))
                .setFile(new UploadI18N.File().setRetry(upload.getTranslation("upload.file.retry"))
                        .setStart(upload.getTranslation("upload.file.start")).setRemove(upload.getTranslation("upload.file.remove")))
                .setUnits(list(upload.getTranslation("upload.units")));
        upload.setI18n(i18n);
        return upload;
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.asList(commaSeparated.split(","));
    }
}
