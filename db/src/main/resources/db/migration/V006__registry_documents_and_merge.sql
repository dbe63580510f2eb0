-- Registry: documents per beneficiary, and merging of duplicates (the merged record stays, with
-- its history and documents, pointing at the record it was merged into).

ALTER TABLE registry_beneficiary
    MODIFY status ENUM ('REGISTERED', 'VERIFIED', 'ACTIVE', 'GRADUATED', 'EXITED', 'MOVED', 'DECEASED', 'MERGED')
        NOT NULL DEFAULT 'REGISTERED',
    ADD COLUMN merged_into BIGINT NULL COMMENT 'the record this one was merged into (status MERGED)' AFTER status,
    ADD CONSTRAINT fk_registry_beneficiary_merged FOREIGN KEY (merged_into) REFERENCES registry_beneficiary (id);

CREATE TABLE registry_document (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    beneficiary_id BIGINT       NOT NULL,
    kabkota_code   CHAR(5)      NOT NULL COMMENT 'district of the beneficiary (scope)',
    doc_type       ENUM ('KTP', 'KK', 'CONSENT', 'PHOTO', 'OTHER') NOT NULL,
    file_name      VARCHAR(200) NOT NULL,
    content_type   VARCHAR(100) NOT NULL COMMENT 'from the content itself, not the file name',
    size_bytes     INT          NOT NULL,
    sha256         CHAR(64)     NOT NULL,
    content        MEDIUMBLOB   NOT NULL,
    uploaded_by    VARCHAR(64)  NOT NULL,
    uploaded_at    DATETIME(6)  NOT NULL DEFAULT UTC_TIMESTAMP(6),
    KEY ix_registry_document_beneficiary (beneficiary_id, id),
    KEY ix_registry_document_kabkota (kabkota_code, id),
    CONSTRAINT fk_registry_document_beneficiary FOREIGN KEY (beneficiary_id) REFERENCES registry_beneficiary (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'KTP, KK, consent forms and photos of beneficiaries; immutable once stored';
