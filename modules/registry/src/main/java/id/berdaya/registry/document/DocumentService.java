package id.berdaya.registry.document;

import id.berdaya.registry.RegistryRoles;
import id.berdaya.registry.RegistryEntity;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.registry.RegistryAction;
import id.berdaya.registry.nik.NameKey;
import id.berdaya.registry.beneficiary.BeneficiaryService;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.file.FileContent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Documents per beneficiary (KTP, KK, consent form, photo). The type is decided by the content
 * (magic bytes), never by the file name; size is limited; a checksum is stored; every download
 * is audited.
 */
@Service
@Transactional
public class DocumentService {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final String UPLOADERS = RegistryRoles.DOCUMENT_UPLOADERS;

    private final DocumentRepository documents;
    private final BeneficiaryService beneficiaries;
    private final AuditLog audit;
    private final Clock clock;

    DocumentService(DocumentRepository documents, BeneficiaryService beneficiaries, AuditLog audit, Clock clock) {
        this.documents = documents;
        this.beneficiaries = beneficiaries;
        this.audit = audit;
        this.clock = clock;
    }

    /** Stores a document for a visible beneficiary after checking its size and real type. */
    @PreAuthorize(UPLOADERS)
    public DocumentInfo upload(long beneficiaryId, DocumentType type, String fileName, byte[] content) {
        String ownerDistrict = beneficiaries.districtOf(beneficiaryId);
        if (type == null) {
            throw new RuleViolation("type", "registry.document.typeRequired");
        }
        if (content == null || content.length == 0) {
            throw new RuleViolation("file", "registry.document.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new RuleViolation("file", "registry.document.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        String sniffed = sniff(content);
        if (sniffed == null || !type.accepted().contains(sniffed)) {
            throw new RuleViolation("file", "registry.document.wrongType", String.join(", ", type.accepted().stream().sorted().toList()));
        }
        String name = cleanName(fileName, sniffed);
        String sha256 = sha256(content);
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        long id = documents.insert(beneficiaryId, ownerDistrict, type, name, sniffed, content, sha256,
                CurrentUser.require().getUsername(), now);
        audit.record(AuditEvent.of(RegistryAction.DOCUMENT_UPLOADED).entity(RegistryEntity.BENEFICIARY, beneficiaryId)
                .district(ownerDistrict)
                .after(Map.of("document", id, "type", type.name(), "sha256", sha256, "bytes", content.length)));
        return new DocumentInfo(id, beneficiaryId, type, name, sniffed, content.length, sha256,
                CurrentUser.require().getUsername(), now.toInstant(ZoneOffset.UTC));
    }

    /** The documents of a visible beneficiary, including those of records merged into it. */
    @PreAuthorize(RegistryRoles.READERS)
    @Transactional(readOnly = true)
    public List<DocumentInfo> list(long beneficiaryId) {
        return documents.of(beneficiaries.historyIds(beneficiaryId));
    }

    /** A document's content; each download is audited. Another district's is "not found". */
    @PreAuthorize(RegistryRoles.READERS)
    public DocumentContent download(long documentId) {
        var d = documents.find(documentId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        audit.record(AuditEvent.of(RegistryAction.DOCUMENT_DOWNLOADED).entity(RegistryEntity.BENEFICIARY, d.beneficiaryId())
                .district(d.kabkotaCode()).after(Map.of("document", documentId, "sha256", d.sha256())));
        return new DocumentContent(d.fileName(), d.contentType(), d.content());
    }

    /** The content type by magic bytes: PDF, JPEG or PNG; null for anything else. */
    static String sniff(byte[] b) {
        return FileContent.sniff(b);
    }

    /**
     * A safe file name: no path, no control characters, an extension that matches the content, and
     * no full NIK or KK number (scans are often named by one; the name is listed beside the record).
     */
    static String cleanName(String fileName, String contentType) {
        String base = fileName == null ? "dokumen" : NameKey.maskNiksIn(fileName.replaceAll(".*[/\\\\]", ""))
                .replaceAll("[^\\p{L}\\p{N}._ -]", "_");
        base = base.replaceAll("\\.[^.]*$", "");
        if (base.isBlank()) {
            base = "dokumen";
        }
        base = base.length() > 150 ? base.substring(0, 150) : base;
        return base + FileContent.extension(contentType);
    }

    static String sha256(byte[] content) {
        return FileContent.sha256(content);
    }
}
