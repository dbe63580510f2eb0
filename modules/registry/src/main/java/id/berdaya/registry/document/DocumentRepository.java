package id.berdaya.registry.document;

import id.berdaya.registry.RegistryEntity;
import id.berdaya.core.scope.DistrictScope;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.db.enums.RegistryDocumentDocType;
import id.berdaya.db.tables.records.RegistryDocumentRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static id.berdaya.db.Tables.REGISTRY_DOCUMENT;

/** Documents of beneficiaries, district-scoped like their owners. */
@Repository
class DocumentRepository extends DistrictScopedRepository<RegistryDocumentRecord> {

    DocumentRepository(DSLContext dsl, DistrictScope scope) {
        super(dsl, scope, REGISTRY_DOCUMENT, REGISTRY_DOCUMENT.KABKOTA_CODE, REGISTRY_DOCUMENT.ID, RegistryEntity.BENEFICIARY_DOCUMENT);
    }

    long insert(long beneficiaryId, String kabkota, DocumentType type, String fileName, String contentType, byte[] content,
                String sha256, String uploadedBy, java.time.LocalDateTime at) {
        RegistryDocumentRecord r = newRecord(kabkota);
        r.setBeneficiaryId(beneficiaryId);
        r.setDocType(RegistryDocumentDocType.valueOf(type.name()));
        r.setFileName(fileName);
        r.setContentType(contentType);
        r.setSizeBytes(content.length);
        r.setSha256(sha256);
        r.setContent(content);
        r.setUploadedBy(uploadedBy);
        r.setUploadedAt(at);
        r.store();
        return r.getId();
    }

    /** Metadata of the documents of these beneficiaries (the record and the ones merged into it). */
    List<DocumentInfo> of(Collection<Long> beneficiaryIds) {
        var d = REGISTRY_DOCUMENT;
        return selectVisible(List.of(d.ID, d.BENEFICIARY_ID, d.DOC_TYPE, d.FILE_NAME, d.CONTENT_TYPE, d.SIZE_BYTES, d.SHA256,
                        d.UPLOADED_BY, d.UPLOADED_AT), d.BENEFICIARY_ID.in(beneficiaryIds))
                .orderBy(d.ID.desc())
                .fetch(r -> new DocumentInfo(r.get(d.ID), r.get(d.BENEFICIARY_ID), DocumentType.valueOf(r.get(d.DOC_TYPE).getLiteral()),
                        r.get(d.FILE_NAME), r.get(d.CONTENT_TYPE), r.get(d.SIZE_BYTES), r.get(d.SHA256), r.get(d.UPLOADED_BY),
                        r.get(d.UPLOADED_AT).toInstant(ZoneOffset.UTC)));
    }

    /** A stored document as the download needs it. */
    record Stored(long beneficiaryId, String kabkotaCode, String fileName, String contentType, byte[] content, String sha256) {
    }

    Optional<Stored> find(long id) {
        return findVisible(id).map(r -> new Stored(r.getBeneficiaryId(), r.getKabkotaCode(), r.getFileName(), r.getContentType(),
                r.getContent(), r.getSha256()));
    }
}
