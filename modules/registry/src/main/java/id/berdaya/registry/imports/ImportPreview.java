package id.berdaya.registry.imports;

import java.util.List;

/** A checked file: its batch (counts by outcome) and the first rows with problems, in file order. */
public record ImportPreview(ImportBatch batch, List<ImportIssue> issues) {
}
