-- Monitoring (pemantauan, modules/monitoring): the follow-up of each handover. A case per handover
-- (the person, where they live, the outcome at 12 months), its visits (scheduled at 1, 3, 6 and 12
-- months by default, the offsets settable per budget year), the field officers' kecamatan, the
-- asset ledger kept as movements, reintegration risk flags, photos, and the counts the scorecards
-- read (kept in the same transaction as the change). District-owned rows carry kabkota_code. No
-- NIK and no PPKS category; a case names the register's id and the person's name.

CREATE TABLE monitoring_schedule (
    budget_year   SMALLINT    NOT NULL PRIMARY KEY,
    month_offsets VARCHAR(60) NOT NULL COMMENT 'months after the handover, ascending, comma-separated; contains 12',
    updated_by    VARCHAR(64) NOT NULL,
    updated_at    DATETIME(6) NOT NULL DEFAULT UTC_TIMESTAMP(6),
    version       INT         NOT NULL DEFAULT 1
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'The visit offsets of a budget year (a year without a row has 1,3,6,12); a provincial list';

CREATE TABLE monitoring_officer_area (
    id             BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kabkota_code   CHAR(5)     NOT NULL,
    kecamatan_code CHAR(8)     NOT NULL,
    officer_id     BIGINT      NOT NULL COMMENT 'app_user of role FIELD_OFFICER in this kabupaten/kota',
    assigned_by    VARCHAR(64) NOT NULL,
    assigned_at    DATETIME(6) NOT NULL,
    version        INT         NOT NULL DEFAULT 1,
    UNIQUE KEY uk_monitoring_officer_area (kecamatan_code),
    KEY ix_monitoring_officer_area_kabkota (kabkota_code, kecamatan_code),
    CONSTRAINT fk_monitoring_officer_area_kecamatan FOREIGN KEY (kecamatan_code) REFERENCES region_kecamatan (code),
    CONSTRAINT fk_monitoring_officer_area_user FOREIGN KEY (officer_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Which field officer covers which kecamatan; kept by the district head';

CREATE TABLE monitoring_case (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    handover_id      BIGINT       NOT NULL,
    proposal_id      BIGINT       NOT NULL,
    beneficiary_id   BIGINT       NOT NULL COMMENT 'the register''s id',
    beneficiary_name VARCHAR(150) NOT NULL,
    kabkota_code     CHAR(5)      NOT NULL,
    kecamatan_code   CHAR(8)      NOT NULL COMMENT 'the person''s at the handover',
    handed_on        DATE         NOT NULL,
    budget_year      SMALLINT     NOT NULL COMMENT 'of the handover, whose offsets scheduled the visits',
    version          INT          NOT NULL DEFAULT 1,
    UNIQUE KEY uk_monitoring_case_handover (handover_id),
    KEY ix_monitoring_case_beneficiary (beneficiary_id),
    KEY ix_monitoring_case_handed (kabkota_code, handed_on),
    CONSTRAINT fk_monitoring_case_handover FOREIGN KEY (handover_id) REFERENCES grants_handover (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'One follow-up per handover: the person and where they live';

CREATE TABLE monitoring_visit (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id              BIGINT        NOT NULL,
    kabkota_code         CHAR(5)       NOT NULL,
    kecamatan_code       CHAR(8)       NOT NULL,
    month_offset         TINYINT       NOT NULL COMMENT 'months after the handover',
    due_on               DATE          NOT NULL,
    officer_id           BIGINT        NULL COMMENT 'the assigned field officer; null: unassigned',
    done                 BOOLEAN       NOT NULL DEFAULT FALSE,
    visited_on           DATE          NULL,
    person_met           BOOLEAN       NULL,
    not_met_reason       VARCHAR(300)  NULL,
    business             ENUM ('RUNNING', 'PARTLY', 'STOPPED') NULL,
    business_reason      VARCHAR(300)  NULL,
    turnover             BIGINT        NULL COMMENT 'rupiah, the month''s',
    profit               BIGINT        NULL COMMENT 'rupiah, the month''s',
    work_acceptance      ENUM ('GOOD', 'FAIR', 'POOR') NULL,
    family_acceptance    ENUM ('GOOD', 'FAIR', 'POOR') NULL,
    community_acceptance ENUM ('GOOD', 'FAIR', 'POOR') NULL,
    notes                VARCHAR(2000) NULL,
    needs                VARCHAR(1000) NULL,
    referrals            VARCHAR(500)  NULL,
    recorded_by          VARCHAR(64)   NULL,
    recorded_at          DATETIME(6)   NULL,
    version              INT           NOT NULL DEFAULT 1,
    UNIQUE KEY uk_monitoring_visit (case_id, month_offset),
    KEY ix_monitoring_visit_open (done, due_on, kabkota_code, kecamatan_code),
    KEY ix_monitoring_visit_officer (officer_id, done, due_on),
    KEY ix_monitoring_visit_district (kabkota_code, done, due_on),
    KEY ix_monitoring_visit_visited (visited_on, kabkota_code, kecamatan_code),
    CONSTRAINT fk_monitoring_visit_case FOREIGN KEY (case_id) REFERENCES monitoring_case (id),
    CONSTRAINT fk_monitoring_visit_officer FOREIGN KEY (officer_id) REFERENCES app_user (id),
    CONSTRAINT ck_monitoring_visit_money CHECK (turnover IS NULL OR turnover >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Monitoring visits: scheduled from the handover, then recorded once';

CREATE TABLE monitoring_visit_change (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    visit_id     BIGINT       NOT NULL,
    kabkota_code CHAR(5)      NOT NULL,
    kind         ENUM ('RESCHEDULED', 'REASSIGNED') NOT NULL,
    due_before   DATE         NULL,
    due_after    DATE         NULL,
    officer_before BIGINT     NULL,
    officer_after  BIGINT     NULL,
    reason       VARCHAR(300) NULL,
    changed_by   VARCHAR(64)  NOT NULL,
    changed_at   DATETIME(6)  NOT NULL,
    KEY ix_monitoring_visit_change (visit_id, id),
    CONSTRAINT fk_monitoring_visit_change_visit FOREIGN KEY (visit_id) REFERENCES monitoring_visit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'The history of a visit''s due date and officer';

CREATE TABLE monitoring_visit_photo (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    visit_id     BIGINT       NOT NULL,
    kabkota_code CHAR(5)      NOT NULL,
    content_type VARCHAR(20)  NOT NULL COMMENT 'image/jpeg or image/png, from the content; re-encoded without metadata',
    size_bytes   INT          NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    content      MEDIUMBLOB   NOT NULL,
    uploaded_by  VARCHAR(64)  NOT NULL,
    uploaded_at  DATETIME(6)  NOT NULL,
    KEY ix_monitoring_visit_photo (visit_id, id),
    CONSTRAINT fk_monitoring_visit_photo_visit FOREIGN KEY (visit_id) REFERENCES monitoring_visit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Up to three photos per visit';

CREATE TABLE monitoring_asset (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id           BIGINT       NOT NULL,
    kabkota_code      CHAR(5)      NOT NULL,
    catalogue_item_id BIGINT       NOT NULL,
    name              VARCHAR(150) NOT NULL,
    unit              VARCHAR(10)  NOT NULL,
    kind              ENUM ('LIVESTOCK', 'GOODS') NOT NULL,
    handed_quantity   INT          NOT NULL,
    balance           INT          NOT NULL COMMENT 'livestock alive / goods in use: the sum of the movements',
    version           INT          NOT NULL DEFAULT 1,
    UNIQUE KEY uk_monitoring_asset (case_id, catalogue_item_id),
    CONSTRAINT fk_monitoring_asset_case FOREIGN KEY (case_id) REFERENCES monitoring_case (id),
    CONSTRAINT ck_monitoring_asset_balance CHECK (balance >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Each item handed over, with its current balance (the movements are the record)';

CREATE TABLE monitoring_movement (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    asset_id     BIGINT       NOT NULL,
    case_id      BIGINT       NOT NULL,
    visit_id     BIGINT       NULL COMMENT 'null for the handover itself',
    kabkota_code CHAR(5)      NOT NULL,
    kind         ENUM ('HANDED_OVER', 'BORN', 'SOLD', 'DIED', 'CONSUMED', 'BROKEN', 'LOST') NOT NULL,
    quantity     INT          NOT NULL,
    price        BIGINT       NULL COMMENT 'rupiah, the total of a sale',
    cause        VARCHAR(300) NULL COMMENT 'of a death, a loss or a breakage',
    balance_after INT         NOT NULL,
    moved_on     DATE         NOT NULL,
    recorded_by  VARCHAR(64)  NOT NULL,
    recorded_at  DATETIME(6)  NOT NULL,
    KEY ix_monitoring_movement_case (case_id, id),
    CONSTRAINT fk_monitoring_movement_asset FOREIGN KEY (asset_id) REFERENCES monitoring_asset (id),
    CONSTRAINT ck_monitoring_movement_quantity CHECK (quantity > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'The asset ledger: movements, never overwritten counts';

CREATE TABLE monitoring_flag (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id      BIGINT       NOT NULL,
    visit_id     BIGINT       NULL,
    kabkota_code CHAR(5)      NOT NULL,
    kecamatan_code CHAR(8)    NOT NULL,
    kind         ENUM ('FORMER_ACTIVITY', 'REOFFENDING', 'SUBSTANCE_USE', 'OTHER') NOT NULL,
    note         VARCHAR(1000) NULL,
    raised_on    DATE         NOT NULL,
    raised_by    VARCHAR(64)  NOT NULL,
    closed_on    DATE         NULL,
    closed_by    VARCHAR(64)  NULL,
    close_note   VARCHAR(1000) NULL,
    version      INT          NOT NULL DEFAULT 1,
    KEY ix_monitoring_flag_case (case_id, id),
    KEY ix_monitoring_flag_raised (raised_on, kabkota_code, kecamatan_code),
    KEY ix_monitoring_flag_open (kabkota_code, closed_on, raised_on),
    CONSTRAINT fk_monitoring_flag_case FOREIGN KEY (case_id) REFERENCES monitoring_case (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Reintegration risk flags: specific personal data (the district head, provincial officers, the assigned field officer)';

CREATE TABLE monitoring_outcome (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id        BIGINT       NOT NULL,
    beneficiary_id BIGINT       NOT NULL,
    kabkota_code   CHAR(5)      NOT NULL,
    kecamatan_code CHAR(8)      NOT NULL,
    outcome        ENUM ('GRADUATED', 'EXITED') NOT NULL,
    reason         VARCHAR(300) NOT NULL,
    decided_on     DATE         NOT NULL,
    decided_by     VARCHAR(64)  NOT NULL,
    UNIQUE KEY uk_monitoring_outcome (case_id),
    KEY ix_monitoring_outcome_beneficiary (beneficiary_id),
    KEY ix_monitoring_outcome_decided (decided_on, kabkota_code, kecamatan_code, outcome),
    CONSTRAINT fk_monitoring_outcome_case FOREIGN KEY (case_id) REFERENCES monitoring_case (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'The outcome at 12 months: graduated (business running, no open flag) or exited with a reason';

CREATE TABLE monitoring_tally (
    id             BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kabkota_code   CHAR(5)     NOT NULL,
    kecamatan_code CHAR(8)     NOT NULL,
    figure         VARCHAR(30) NOT NULL COMMENT 'core Figure name',
    n              BIGINT      NOT NULL DEFAULT 0,
    UNIQUE KEY uk_monitoring_tally (kabkota_code, kecamatan_code, figure)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Scorecard counts per kecamatan (visits done, 6/12-month visited and running, open flags, graduated), kept in the transaction of the change';
