package id.berdaya.registry.imports;

/**
 * The rows of an import by outcome. {@code total = valid + warnings + errors + skipped}; valid
 * and warning rows are the ones a commit inserts.
 */
public record ImportCounts(int total, int valid, int warnings, int errors, int skipped, int inserted) {

    /** The rows a commit would insert. */
    public int importable() {
        return valid + warnings;
    }
}
