package id.berdaya.core.export;

import java.util.List;
import java.util.Objects;

/**
 * The words of an XLSX export, given by the caller so that the file speaks the user's language:
 * the sheet's name and the header row.
 */
public record XlsxSheet(String name, List<String> headers) {

    public XlsxSheet {
        Objects.requireNonNull(name, "name");
        headers = List.copyOf(headers);
    }
}
