-- Registry: import of beneficiaries from CSV/XLSX files. A batch is previewed (every row
-- classified), then committed in the background in one transaction: either all its rows are
-- in the register or none are. Rows with problems are kept with their reasons so that they
-- can be downloaded and corrected.

CREATE TABLE registry_import_batch (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kabkota_code   CHAR(5)      NULL COMMENT 'district of the importing user (scope); NULL for a province user',
    file_name      VARCHAR(200) NOT NULL,
    file_sha256    CHAR(64)     NOT NULL COMMENT 'SHA-256 of the uploaded bytes: the same file is recognised when imported again',
    file_format    ENUM ('CSV', 'XLSX') NOT NULL,
    file_bytes     BIGINT       NOT NULL,
    status         ENUM ('PREVIEWED', 'RUNNING', 'DONE', 'FAILED', 'INTERRUPTED', 'DISCARDED') NOT NULL DEFAULT 'PREVIEWED',
    total_rows     INT          NOT NULL DEFAULT 0,
    valid_rows     INT          NOT NULL DEFAULT 0,
    warning_rows   INT          NOT NULL DEFAULT 0,
    error_rows     INT          NOT NULL DEFAULT 0,
    skipped_rows   INT          NOT NULL DEFAULT 0 COMMENT 'NIK already registered, or repeated within the file',
    inserted_rows  INT          NOT NULL DEFAULT 0,
    progress_rows  INT          NOT NULL DEFAULT 0 COMMENT 'rows processed so far by a running commit',
    message        VARCHAR(500) NULL COMMENT 'why a batch failed or was interrupted',
    created_by     VARCHAR(64)  NOT NULL,
    created_at     DATETIME(6)  NOT NULL DEFAULT UTC_TIMESTAMP(6),
    started_at     DATETIME(6)  NULL,
    finished_at    DATETIME(6)  NULL,
    version        INT          NOT NULL DEFAULT 1,
    KEY ix_registry_import_batch_list (kabkota_code, id),
    KEY ix_registry_import_batch_hash (file_sha256),
    KEY ix_registry_import_batch_status (status),
    CONSTRAINT fk_registry_import_batch_kabkota FOREIGN KEY (kabkota_code) REFERENCES region_kabkota (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Imports of beneficiaries: who, when, which file (hash), counts and status';

-- Rows are inserted and deleted with their batch, never updated: no version column.
CREATE TABLE registry_import_issue (
    batch_id     BIGINT        NOT NULL,
    line_no      INT           NOT NULL COMMENT 'line of the file (1 = header)',
    kabkota_code CHAR(5)       NULL COMMENT 'district of the batch (scope)',
    outcome      ENUM ('ERROR', 'WARNING', 'SKIPPED') NOT NULL,
    nik          VARCHAR(32)   NULL COMMENT 'as written in the file',
    full_name    VARCHAR(150)  NULL,
    reasons      VARCHAR(2000) NOT NULL COMMENT 'message keys with arguments, translated when shown',
    PRIMARY KEY (batch_id, line_no),
    KEY ix_registry_import_issue_outcome (batch_id, outcome, line_no),
    KEY ix_registry_import_issue_kabkota (kabkota_code),
    CONSTRAINT fk_registry_import_issue_batch FOREIGN KEY (batch_id) REFERENCES registry_import_batch (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Rows of an import with errors, warnings or skipped, with the reasons';
