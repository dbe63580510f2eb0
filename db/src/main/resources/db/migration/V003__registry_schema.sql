-- Registry (modules/registry): the beneficiary register. Tables owned by the registry module
-- carry the registry_ prefix. District-owned rows carry kabkota_code, the column the district
-- scope filters on.

CREATE TABLE registry_category (
    id         INT          NOT NULL AUTO_INCREMENT PRIMARY KEY,
    number     INT          NOT NULL COMMENT 'number in Permensos 08/2012 (1-26); administrators add 27+',
    name       VARCHAR(150) NOT NULL,
    active     BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at DATETIME(6)  NOT NULL DEFAULT UTC_TIMESTAMP(6),
    version    INT          NOT NULL DEFAULT 1,
    UNIQUE KEY uk_registry_category_number (number),
    UNIQUE KEY uk_registry_category_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'PPKS categories (Permensos 08/2012), extendable by the province administrator';

INSERT INTO registry_category (number, name) VALUES
(1, 'Anak Balita Telantar'), (2, 'Anak Telantar'), (3, 'Anak yang Berhadapan dengan Hukum'), (4, 'Anak Jalanan'),
(5, 'Anak dengan Kedisabilitasan'), (6, 'Anak Korban Tindak Kekerasan atau Diperlakukan Salah'),
(7, 'Anak yang Memerlukan Perlindungan Khusus'), (8, 'Lanjut Usia Telantar'), (9, 'Penyandang Disabilitas'),
(10, 'Tuna Susila'), (11, 'Gelandangan'), (12, 'Pengemis'), (13, 'Pemulung'), (14, 'Kelompok Minoritas'),
(15, 'Bekas Warga Binaan Lembaga Pemasyarakatan (BWBLP)'), (16, 'Orang dengan HIV/AIDS'),
(17, 'Korban Penyalahgunaan NAPZA'), (18, 'Korban Trafficking'), (19, 'Korban Tindak Kekerasan'),
(20, 'Pekerja Migran Bermasalah Sosial'), (21, 'Korban Bencana Alam'), (22, 'Korban Bencana Sosial'),
(23, 'Perempuan Rawan Sosial Ekonomi'), (24, 'Fakir Miskin'), (25, 'Keluarga Bermasalah Sosial Psikologis'),
(26, 'Komunitas Adat Terpencil');

CREATE TABLE registry_beneficiary (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    nik             CHAR(16)     NOT NULL COMMENT 'unique province-wide',
    kk_number       CHAR(16)     NULL,
    full_name       VARCHAR(150) NOT NULL,
    name_key        VARCHAR(150) NOT NULL COMMENT 'normalised name: lower case, no accents or punctuation, single spaces',
    nickname        VARCHAR(60)  NULL,
    sex             ENUM ('L', 'P') NOT NULL,
    birth_place     VARCHAR(100) NULL,
    birth_date      DATE         NOT NULL,
    kabkota_code    CHAR(5)      NOT NULL,
    kecamatan_code  CHAR(8)      NOT NULL,
    desa_code       CHAR(13)     NOT NULL,
    rt              VARCHAR(3)   NULL,
    rw              VARCHAR(3)   NULL,
    street          VARCHAR(200) NULL,
    phone           VARCHAR(20)  NULL,
    marital_status  VARCHAR(20)  NULL,
    education       VARCHAR(20)  NULL,
    occupation      VARCHAR(100) NULL,
    category_id     INT          NOT NULL,
    referral_source VARCHAR(20)  NOT NULL,
    legal_basis     ENUM ('PUBLIC_TASK', 'CONSENT') NOT NULL,
    status          ENUM ('REGISTERED', 'VERIFIED', 'ACTIVE', 'GRADUATED', 'EXITED', 'MOVED', 'DECEASED') NOT NULL DEFAULT 'REGISTERED',
    review_flags    VARCHAR(200) NULL COMMENT 'comma-separated NIK warnings to review',
    return_reason   VARCHAR(500) NULL COMMENT 'why verification sent the record back',
    notes_sensitive TEXT         NULL COMMENT 'sensitive free text, visible only to roles that need it',
    created_by      VARCHAR(64)  NOT NULL,
    created_at      DATETIME(6)  NOT NULL DEFAULT UTC_TIMESTAMP(6),
    updated_at      DATETIME(6)  NOT NULL DEFAULT UTC_TIMESTAMP(6),
    version         INT          NOT NULL DEFAULT 1,
    UNIQUE KEY uk_registry_beneficiary_nik (nik),
    KEY ix_registry_beneficiary_list (kabkota_code, id),
    KEY ix_registry_beneficiary_name (kabkota_code, name_key, id),
    KEY ix_registry_beneficiary_name_all (name_key, id),
    KEY ix_registry_beneficiary_similar (name_key, birth_date),
    KEY ix_registry_beneficiary_kk (kk_number),
    KEY ix_registry_beneficiary_status (kabkota_code, status, id),
    CONSTRAINT fk_registry_beneficiary_kabkota FOREIGN KEY (kabkota_code) REFERENCES region_kabkota (code),
    CONSTRAINT fk_registry_beneficiary_kecamatan FOREIGN KEY (kecamatan_code) REFERENCES region_kecamatan (code),
    CONSTRAINT fk_registry_beneficiary_desa FOREIGN KEY (desa_code) REFERENCES region_desa (code),
    CONSTRAINT fk_registry_beneficiary_category FOREIGN KEY (category_id) REFERENCES registry_category (id),
    CONSTRAINT ck_registry_beneficiary_nik CHECK (nik REGEXP '^[0-9]{16}$'),
    CONSTRAINT ck_registry_beneficiary_kk CHECK (kk_number IS NULL OR kk_number REGEXP '^[0-9]{16}$')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Beneficiaries (penerima manfaat); personal data protected by UU 27/2022';

CREATE TABLE registry_name_token (
    beneficiary_id BIGINT      NOT NULL,
    kabkota_code   CHAR(5)     NOT NULL,
    token          VARCHAR(60) NOT NULL COMMENT 'one word of name_key, for word-prefix search',
    PRIMARY KEY (kabkota_code, token, beneficiary_id),
    KEY ix_registry_name_token_all (token, beneficiary_id),
    KEY ix_registry_name_token_beneficiary (beneficiary_id),
    CONSTRAINT fk_registry_name_token_beneficiary FOREIGN KEY (beneficiary_id) REFERENCES registry_beneficiary (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Words of beneficiary names, so that "sari" finds "Dewi Sari Lestari" by an index seek';

CREATE TABLE registry_duplicate (
    id             BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    beneficiary_id BIGINT      NOT NULL COMMENT 'the newer record',
    other_id       BIGINT      NOT NULL COMMENT 'the existing record it resembles',
    kabkota_code   CHAR(5)     NOT NULL COMMENT 'district of the newer record',
    reason         VARCHAR(40) NOT NULL COMMENT 'similarity key, e.g. NAME_BIRTHDATE',
    status         ENUM ('OPEN', 'MERGED', 'DISMISSED') NOT NULL DEFAULT 'OPEN',
    resolved_by    VARCHAR(64) NULL,
    resolved_at    DATETIME(6) NULL,
    created_at     DATETIME(6) NOT NULL DEFAULT UTC_TIMESTAMP(6),
    version        INT         NOT NULL DEFAULT 1,
    UNIQUE KEY uk_registry_duplicate_pair (beneficiary_id, other_id),
    KEY ix_registry_duplicate_status (status, id),
    CONSTRAINT fk_registry_duplicate_beneficiary FOREIGN KEY (beneficiary_id) REFERENCES registry_beneficiary (id),
    CONSTRAINT fk_registry_duplicate_other FOREIGN KEY (other_id) REFERENCES registry_beneficiary (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Possible duplicates without a NIK match, for review by a provincial verifier';
