package id.berdaya.registry.document;

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
        super(dsl, scope, REGISTRY_DOCUMENT, REGISTRY_DOCUMENT.KABKOTA_CODE, REGISTRY_DOCUMENT.ID, "BENEFICIARY_DOCUMENT");
    }

    long insert(long beneficiaryId, String kabkota, DocumentType type, String fileName, String contentType, byte[] content,
                String sha256, String uploadedBy, java.time.LocalDateTime at) {
        RegistryDocumentRecord r = dsl.newRecord(REGISTRY_DOCUMENT);
        r.setBeneficiaryId(beneficiaryId);
        r.setKabkotaCode(kabkota);
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
        return dsl.select(REGISTRY_DOCUMENT.ID, REGISTRY_DOCUMENT.BENEFICIARY_ID, REGISTRY_DOCUMENT.DOC_TYPE, REGISTRY_DOCUMENT.FILE_NAME,
                        REGISTRY_DOCUMENT.CONTENT_TYPE, REGISTRY_DOCUMENT.SIZE_BYTES, REGISTRY_DOCUMENT.SHA256,
                        REGISTRY_DOCUMENT.UPLOADED_BY, REGISTRY_DOCUMENT.UPLOADED_AT)
                .from(REGISTRY_DOCUMENT)
                .where(visible()).and(REGISTRY_DOCUMENT.BENEFICIARY_ID.in(beneficiaryIds))
                .orderBy(REGISTRY_DOCUMENT.ID.desc())
                .fetch(r -> new DocumentInfo(r.value1(), r.value2(), DocumentType.valueOf(r.value3().getLiteral()), r.value4(),
                        r.value5(), r.value6(), r.value7(), r.value8(), r.value9().toInstant(ZoneOffset.UTC)));
    }

    Optional<RegistryDocumentRecord> find(long id) {
        return findVisible(id);
    }
}
