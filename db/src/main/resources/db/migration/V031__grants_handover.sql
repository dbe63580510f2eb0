-- Grants, handover (serah terima): the record of goods handed to a person, the Berita Acara Serah
-- Terima (BAST), numbered per kabupaten/kota and year (e.g. 027/BAST-STIM/3303/2026), with the
-- goods actually handed over. Each carries a seal (SHA-256 over its content) and an unguessable
-- code for the public check. District-owned rows carry kabkota_code (the proposal's). No NIK and
-- no PPKS category: the receiving party is the proposal's person by name.

CREATE TABLE grants_handover_number (
    id           BIGINT   NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kabkota_code CHAR(5)  NOT NULL,
    year         SMALLINT NOT NULL,
    last_seq     INT      NOT NULL,
    UNIQUE KEY uk_grants_handover_number (kabkota_code, year),
    CONSTRAINT fk_grants_handover_number_kabkota FOREIGN KEY (kabkota_code) REFERENCES region_kabkota (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'The last BAST number per kabupaten/kota and year: INSERT ... ON DUPLICATE KEY UPDATE takes it under the row''s lock';

CREATE TABLE grants_handover (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    proposal_id      BIGINT       NOT NULL,
    kabkota_code     CHAR(5)      NOT NULL COMMENT 'the proposal''s',
    year             SMALLINT     NOT NULL COMMENT 'of the handover date: the number''s year',
    seq              INT          NOT NULL COMMENT 'per kabupaten/kota and year, from grants_handover_number',
    number           VARCHAR(40)  NOT NULL,
    code             VARCHAR(40)  NOT NULL COMMENT '144 random bits, base64url: the public check''s key',
    seal             CHAR(64)     NOT NULL COMMENT 'SHA-256 (hex) over the record''s content',
    handed_on        DATE         NOT NULL,
    place            VARCHAR(200) NOT NULL,
    giver_name       VARCHAR(150) NOT NULL,
    giver_position   VARCHAR(150) NOT NULL,
    giver_office     VARCHAR(150) NOT NULL,
    receiver_name    VARCHAR(150) NOT NULL COMMENT 'the proposal''s person',
    witness_name     VARCHAR(150) NOT NULL,
    witness_position VARCHAR(150) NOT NULL,
    issuer_name      VARCHAR(100) NOT NULL COMMENT 'the kabupaten/kota as displayed',
    recorded_by      VARCHAR(64)  NOT NULL,
    recorded_at      DATETIME(6)  NOT NULL,
    version          INT          NOT NULL DEFAULT 1,
    UNIQUE KEY uk_grants_handover_proposal (proposal_id),
    UNIQUE KEY uk_grants_handover_seq (kabkota_code, year, seq),
    UNIQUE KEY uk_grants_handover_code (code),
    KEY ix_grants_handover_date (handed_on, id),
    CONSTRAINT fk_grants_handover_proposal FOREIGN KEY (proposal_id) REFERENCES grants_proposal (id),
    CONSTRAINT fk_grants_handover_kabkota FOREIGN KEY (kabkota_code) REFERENCES region_kabkota (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Handover records (BAST), one per proposal';

CREATE TABLE grants_handover_item (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    handover_id       BIGINT       NOT NULL,
    kabkota_code      CHAR(5)      NOT NULL COMMENT 'the handover''s',
    catalogue_item_id BIGINT       NOT NULL,
    name              VARCHAR(150) NOT NULL COMMENT 'as printed',
    unit              VARCHAR(10)  NOT NULL,
    approved_quantity INT          NOT NULL,
    quantity          INT          NOT NULL COMMENT 'actually handed over',
    reason            VARCHAR(300) NULL COMMENT 'required wherever quantity differs from approved_quantity',
    version           INT          NOT NULL DEFAULT 1,
    UNIQUE KEY uk_grants_handover_item (handover_id, catalogue_item_id),
    CONSTRAINT fk_grants_handover_item_handover FOREIGN KEY (handover_id) REFERENCES grants_handover (id),
    CONSTRAINT ck_grants_handover_item_quantity CHECK (quantity >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'The goods of a handover: each approved item with the quantity actually handed over';

CREATE TABLE grants_handover_scan (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    handover_id  BIGINT       NOT NULL,
    kabkota_code CHAR(5)      NOT NULL COMMENT 'the handover''s',
    file_name    VARCHAR(200) NOT NULL,
    content_type VARCHAR(100) NOT NULL COMMENT 'from the content itself (PDF, JPEG or PNG), not the file name',
    size_bytes   INT          NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    content      MEDIUMBLOB   NOT NULL,
    uploaded_by  VARCHAR(64)  NOT NULL,
    uploaded_at  DATETIME(6)  NOT NULL,
    KEY ix_grants_handover_scan (handover_id, id),
    CONSTRAINT fk_grants_handover_scan_handover FOREIGN KEY (handover_id) REFERENCES grants_handover (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'The signed scans of handover records, kept beside the generated PDF; immutable once stored';
