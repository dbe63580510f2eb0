package id.berdaya.core.audit;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The layout of an audit trail export, given by the caller so that the file speaks the user's
 * language: the sheet's name, the header row, and the cells of one event (labels rather than
 * stored codes).
 */
public record AuditSheet(String name, List<String> headers, Function<AuditEntry, List<?>> cells) {

    public AuditSheet {
        Objects.requireNonNull(name, "name");
        headers = List.copyOf(headers);
        Objects.requireNonNull(cells, "cells");
    }
}
