package id.berdaya.registry.imports;

import java.util.List;

/** What the import benchmark needs from inside the package: the columns the import loads, in order. */
public final class ImportBenchSupport {

    private ImportBenchSupport() {
    }

    public static List<String> loadedColumns() {
        return ImportRepository.LOADED_COLUMNS.stream().map(org.jooq.Field::getName).toList();
    }
}
