-- Berdaya core schema: administrative regions, users, audit trail.
-- Conventions: InnoDB, utf8mb4, times as DATETIME(6) in UTC (the connection runs at +00:00),
-- a `version` column on every mutable table (jOOQ optimistic locking).
-- Table ownership: tables without a feature prefix belong to modules/core; a feature module
-- prefixes its tables with its name (registry_, training_, grants_, monitoring_).

CREATE TABLE region_province (
    code CHAR(2)      NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'The 38 provinces of Indonesia (Kemendagri codes), reference data';

CREATE TABLE region_kabkota_national (
    code          CHAR(5)      NOT NULL PRIMARY KEY,
    province_code CHAR(2)      NOT NULL,
    name          VARCHAR(100) NOT NULL,
    CONSTRAINT fk_kabkota_national_province FOREIGN KEY (province_code) REFERENCES region_province (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'All 514 kabupaten/kota of Indonesia, for checking the region digits of NIKs issued elsewhere';

CREATE TABLE region_kabkota (
    code CHAR(5)                    NOT NULL PRIMARY KEY,
    name VARCHAR(100)               NOT NULL,
    type ENUM ('KABUPATEN', 'KOTA') NOT NULL,
    UNIQUE KEY uk_kabkota_type_name (type, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'The 35 kabupaten/kota of Jawa Tengah';

CREATE TABLE region_kecamatan (
    code         CHAR(8)      NOT NULL PRIMARY KEY,
    kabkota_code CHAR(5)      NOT NULL,
    name         VARCHAR(100) NOT NULL,
    KEY ix_kecamatan_kabkota (kabkota_code, name),
    CONSTRAINT fk_kecamatan_kabkota FOREIGN KEY (kabkota_code) REFERENCES region_kabkota (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'The 576 kecamatan of Jawa Tengah (Kemendagri codes)';

CREATE TABLE region_desa (
    code           CHAR(13)     NOT NULL PRIMARY KEY,
    kecamatan_code CHAR(8)      NOT NULL,
    name           VARCHAR(100) NOT NULL,
    KEY ix_desa_kecamatan (kecamatan_code, name),
    CONSTRAINT fk_desa_kecamatan FOREIGN KEY (kecamatan_code) REFERENCES region_kecamatan (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'The 8,563 desa/kelurahan of Jawa Tengah';

CREATE TABLE app_user (
    id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username             VARCHAR(64)  NOT NULL,
    full_name            VARCHAR(150) NOT NULL,
    password_hash        VARCHAR(255) NOT NULL,
    role                 ENUM ('PROVINCE_ADMIN', 'PROVINCE_OFFICER', 'DISTRICT_HEAD',
                               'DISTRICT_OPERATOR', 'FIELD_OFFICER', 'PARTNER') NOT NULL,
    kabkota_code         CHAR(5)      NULL,
    enabled              BOOLEAN      NOT NULL DEFAULT TRUE,
    must_change_password BOOLEAN      NOT NULL DEFAULT TRUE,
    locale               VARCHAR(8)   NOT NULL DEFAULT 'id',
    failed_logins        INT          NOT NULL DEFAULT 0 COMMENT 'failures in the current window',
    failed_window_start  DATETIME(6)  NULL COMMENT 'first failure of the current 15-minute window',
    locked_until         DATETIME(6)  NULL COMMENT 'temporary lock after too many failures; never permanent',
    password_changed_at  DATETIME(6)  NULL,
    last_login_at        DATETIME(6)  NULL,
    created_at           DATETIME(6)  NOT NULL DEFAULT UTC_TIMESTAMP(6),
    updated_at           DATETIME(6)  NOT NULL DEFAULT UTC_TIMESTAMP(6),
    version              INT          NOT NULL DEFAULT 1,
    UNIQUE KEY uk_app_user_username (username),
    KEY ix_app_user_kabkota (kabkota_code),
    CONSTRAINT fk_app_user_kabkota FOREIGN KEY (kabkota_code) REFERENCES region_kabkota (code),
    -- district-level roles are bound to exactly one kabupaten/kota; province roles to none
    CONSTRAINT ck_app_user_scope CHECK (
        (role IN ('PROVINCE_ADMIN', 'PROVINCE_OFFICER') AND kabkota_code IS NULL)
        OR (role IN ('DISTRICT_HEAD', 'DISTRICT_OPERATOR', 'FIELD_OFFICER', 'PARTNER') AND kabkota_code IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Application users; passwords hashed with Argon2id';

CREATE TABLE audit_event (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at    DATETIME(6)  NOT NULL DEFAULT UTC_TIMESTAMP(6),
    username       VARCHAR(64)  NULL COMMENT 'as typed for failed logins; NULL for the system',
    user_role      VARCHAR(32)  NULL,
    kabkota_code   CHAR(5)      NULL COMMENT 'district the event belongs to: the touched entity''s, else the acting user''s',
    action         VARCHAR(64)  NOT NULL,
    entity_type    VARCHAR(64)  NULL,
    entity_id      VARCHAR(64)  NULL,
    old_value      LONGTEXT     NULL CHECK (old_value IS NULL OR JSON_VALID(old_value)),
    new_value      LONGTEXT     NULL CHECK (new_value IS NULL OR JSON_VALID(new_value)),
    client_address VARCHAR(64)  NULL,
    KEY ix_audit_time (occurred_at),
    KEY ix_audit_user_time (username, occurred_at),
    KEY ix_audit_action_time (action, occurred_at),
    KEY ix_audit_kabkota_time (kabkota_code, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Append-only audit trail: UPDATE and DELETE are rejected by triggers';

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only: UPDATE rejected';

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only: DELETE rejected';
