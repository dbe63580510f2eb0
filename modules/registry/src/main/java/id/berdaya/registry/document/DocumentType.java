package id.berdaya.registry.document;

import java.util.Set;

/** Kinds of document kept per beneficiary, with the file types each accepts. */
public enum DocumentType {
    KTP(Set.of("application/pdf", "image/jpeg", "image/png")),
    KK(Set.of("application/pdf", "image/jpeg", "image/png")),
    CONSENT(Set.of("application/pdf", "image/jpeg", "image/png")),
    PHOTO(Set.of("image/jpeg", "image/png")),
    OTHER(Set.of("application/pdf", "image/jpeg", "image/png"));

    private final Set<String> accepted;

    DocumentType(Set<String> accepted) {
        this.accepted = accepted;
    }

    public Set<String> accepted() {
        return accepted;
    }
}
