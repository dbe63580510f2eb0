-- Training (modules/training): partner agencies, training events with their sessions,
-- participants enrolled from the register, attendance, scores, results and certificates.
-- Tables owned by the training module carry the training_ prefix. District-owned rows carry
-- kabkota_code, the column the district scope filters on. No table here holds a NIK, a PPKS
-- category of a person or an address: a participant is the register's id and a name.

CREATE TABLE training_partner (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name            VARCHAR(150) NOT NULL,
    partner_type    ENUM ('POLICE', 'RELIGIOUS_AFFAIRS', 'HEALTH', 'RELIGIOUS_LEADER', 'VILLAGE_EMPOWERMENT',
                          'DISTRICT_SOCIAL_SERVICES', 'NGO', 'OTHER') NOT NULL,
    kabkota_code    CHAR(5)      NULL COMMENT 'reach: one kabupaten/kota, or NULL for province-wide',
    contact_name    VARCHAR(150) NULL,
    contact_phone   VARCHAR(30)  NULL,
    contact_email   VARCHAR(150) NULL,
    mou_number      VARCHAR(100) NULL,
    mou_date        DATE         NULL,
    mou_valid_until DATE         NULL,
    mou_file_name   VARCHAR(200) NULL,
    mou_sha256      CHAR(64)     NULL,
    mou_pdf         MEDIUMBLOB   NULL COMMENT 'the signed agreement (PDF, content-checked)',
    active          BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at      DATETIME(6)  NOT NULL DEFAULT UTC_TIMESTAMP(6),
    version         INT          NOT NULL DEFAULT 1,
    UNIQUE KEY uk_training_partner_name (name),
    CONSTRAINT fk_training_partner_kabkota FOREIGN KEY (kabkota_code) REFERENCES region_kabkota (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Partner agencies (mitra) with their cooperation agreement (MoU); a provincial list';

CREATE TABLE training_partner_user (
    user_id    BIGINT NOT NULL PRIMARY KEY COMMENT 'a PARTNER account belongs to exactly one agency',
    partner_id BIGINT NOT NULL,
    KEY ix_training_partner_user_partner (partner_id),
    CONSTRAINT fk_training_partner_user_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_training_partner_user_partner FOREIGN KEY (partner_id) REFERENCES training_partner (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Which agency a PARTNER account belongs to (owned by training, so core does not know agencies)';

CREATE TABLE training_event (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kabkota_code       CHAR(5)      NOT NULL,
    budget_year        SMALLINT     NOT NULL,
    internal_title     VARCHAR(200) NOT NULL,
    public_title       VARCHAR(200) NOT NULL COMMENT 'on certificates and the public check: never names a target group',
    kind               ENUM ('ENTREPRENEURSHIP', 'LIVESTOCK', 'SKILLS', 'OTHER') NOT NULL,
    venue              VARCHAR(200) NOT NULL,
    start_date         DATE         NOT NULL,
    end_date           DATE         NOT NULL,
    target_categories  VARCHAR(200) NULL COMMENT 'comma-separated registry category ids',
    quota              INT          NOT NULL,
    status             ENUM ('PLANNED', 'OPEN', 'RUNNING', 'CLOSED', 'CANCELLED') NOT NULL DEFAULT 'PLANNED',
    min_attendance_pct DECIMAL(5, 2) NULL COMMENT 'NULL: attendance is not part of the completion rule',
    min_post_score     DECIMAL(5, 2) NULL COMMENT 'NULL: the post-test is not part of the completion rule',
    signatory_name     VARCHAR(150) NULL,
    signatory_position VARCHAR(150) NULL,
    closed_by          VARCHAR(64)  NULL,
    closed_at          DATETIME(6)  NULL,
    created_by         VARCHAR(64)  NOT NULL,
    created_at         DATETIME(6)  NOT NULL DEFAULT UTC_TIMESTAMP(6),
    updated_at         DATETIME(6)  NOT NULL DEFAULT UTC_TIMESTAMP(6),
    version            INT          NOT NULL DEFAULT 1,
    KEY ix_training_event_list (kabkota_code, budget_year, id),
    KEY ix_training_event_year (budget_year, id),
    CONSTRAINT fk_training_event_kabkota FOREIGN KEY (kabkota_code) REFERENCES region_kabkota (code),
    CONSTRAINT ck_training_event_dates CHECK (end_date >= start_date),
    CONSTRAINT ck_training_event_quota CHECK (quota > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Training events (kegiatan pelatihan), one kabupaten/kota each';

CREATE TABLE training_session (
    id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_id             BIGINT       NOT NULL,
    kabkota_code         CHAR(5)      NOT NULL COMMENT 'the event''s',
    session_date         DATE         NOT NULL,
    start_time           TIME         NOT NULL,
    end_time             TIME         NOT NULL,
    topic                VARCHAR(200) NOT NULL,
    facilitator_name     VARCHAR(150) NULL,
    facilitator_position VARCHAR(150) NULL,
    partner_id           BIGINT       NULL,
    place                VARCHAR(200) NULL,
    version              INT          NOT NULL DEFAULT 1,
    KEY ix_training_session_event (event_id, session_date, start_time),
    KEY ix_training_session_partner (partner_id, session_date),
    CONSTRAINT fk_training_session_event FOREIGN KEY (event_id) REFERENCES training_event (id),
    CONSTRAINT fk_training_session_partner FOREIGN KEY (partner_id) REFERENCES training_partner (id),
    CONSTRAINT ck_training_session_times CHECK (end_time > start_time)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Sessions of a training event, given by a facilitator and/or a partner agency';

CREATE TABLE training_participant (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_id         BIGINT       NOT NULL,
    kabkota_code     CHAR(5)      NOT NULL COMMENT 'the event''s',
    beneficiary_id   BIGINT       NOT NULL COMMENT 'the register''s id; nothing else of the register is copied but the name',
    full_name        VARCHAR(150) NOT NULL,
    start_date       DATE         NOT NULL COMMENT 'the event''s dates, kept here for the overlap check',
    end_date         DATE         NOT NULL,
    status           ENUM ('ENROLLED', 'WITHDRAWN') NOT NULL DEFAULT 'ENROLLED',
    withdraw_reason  VARCHAR(500) NULL,
    enrolled_by      VARCHAR(64)  NOT NULL,
    enrolled_at      DATETIME(6)  NOT NULL DEFAULT UTC_TIMESTAMP(6),
    version          INT          NOT NULL DEFAULT 1,
    UNIQUE KEY uk_training_participant (event_id, beneficiary_id),
    KEY ix_training_participant_person (beneficiary_id, start_date, end_date),
    CONSTRAINT fk_training_participant_event FOREIGN KEY (event_id) REFERENCES training_event (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Participants of a training event, enrolled from the register';

CREATE TABLE training_result (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    participant_id BIGINT       NOT NULL,
    event_id       BIGINT       NOT NULL,
    kabkota_code   CHAR(5)      NOT NULL COMMENT 'the event''s',
    beneficiary_id BIGINT       NOT NULL COMMENT 'so that "has this person completed a training" is one index seek',
    pre_score      DECIMAL(5, 2) NULL,
    post_score     DECIMAL(5, 2) NULL,
    attendance_pct DECIMAL(5, 1) NULL COMMENT 'computed when the event is closed (rounded down)',
    result         ENUM ('COMPLETED', 'NOT_COMPLETED') NULL COMMENT 'computed when the event is closed',
    result_reasons VARCHAR(300) NULL COMMENT 'why not completed: comma-separated codes',
    completed_on   DATE         NULL COMMENT 'the event''s end date, for a completed participant',
    version        INT          NOT NULL DEFAULT 1,
    UNIQUE KEY uk_training_result_participant (participant_id),
    KEY ix_training_result_event (event_id),
    KEY ix_training_result_person (beneficiary_id, result),
    CONSTRAINT fk_training_result_participant FOREIGN KEY (participant_id) REFERENCES training_participant (id),
    CONSTRAINT ck_training_result_pre CHECK (pre_score IS NULL OR pre_score BETWEEN 0 AND 100),
    CONSTRAINT ck_training_result_post CHECK (post_score IS NULL OR post_score BETWEEN 0 AND 100)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Pre-/post-test scores and the completion computed at closing, per participant';

CREATE TABLE training_attendance (
    id             BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    session_id     BIGINT      NOT NULL,
    participant_id BIGINT      NOT NULL,
    kabkota_code   CHAR(5)     NOT NULL COMMENT 'the event''s',
    state          ENUM ('PRESENT', 'LATE', 'EXCUSED', 'ABSENT') NOT NULL,
    marked_by      VARCHAR(64) NOT NULL,
    marked_at      DATETIME(6) NOT NULL DEFAULT UTC_TIMESTAMP(6),
    version        INT         NOT NULL DEFAULT 1,
    UNIQUE KEY uk_training_attendance (session_id, participant_id),
    KEY ix_training_attendance_participant (participant_id),
    CONSTRAINT fk_training_attendance_session FOREIGN KEY (session_id) REFERENCES training_session (id),
    CONSTRAINT fk_training_attendance_participant FOREIGN KEY (participant_id) REFERENCES training_participant (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Attendance per session and participant';

CREATE TABLE training_certificate (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    participant_id  BIGINT       NOT NULL,
    event_id        BIGINT       NOT NULL,
    kabkota_code    CHAR(5)      NOT NULL COMMENT 'the issuing kabupaten/kota (the event''s)',
    issuer_name     VARCHAR(100) NOT NULL COMMENT 'that kabupaten/kota by name, as printed',
    year            SMALLINT     NOT NULL,
    seq             INT          NOT NULL COMMENT 'per kabupaten/kota and year: the 001 of 001/PLT-3303/2026',
    number          VARCHAR(40)  NOT NULL,
    code            VARCHAR(40)  NOT NULL COMMENT 'the public check''s key: 144 random bits, base64url',
    holder_name     VARCHAR(150) NOT NULL,
    public_title    VARCHAR(200) NOT NULL COMMENT 'as on the certificate (a copy: a certificate does not change afterwards)',
    start_date      DATE         NOT NULL,
    end_date        DATE         NOT NULL,
    venue           VARCHAR(200) NOT NULL,
    signatory_name     VARCHAR(150) NULL,
    signatory_position VARCHAR(150) NULL,
    issued_at       DATETIME(6)  NOT NULL,
    revoked_at      DATETIME(6)  NULL,
    revoked_by      VARCHAR(64)  NULL,
    revoke_reason   VARCHAR(500) NULL,
    version         INT          NOT NULL DEFAULT 1,
    UNIQUE KEY uk_training_certificate_code (code),
    UNIQUE KEY uk_training_certificate_number (kabkota_code, year, seq),
    KEY ix_training_certificate_event (event_id),
    KEY ix_training_certificate_participant (participant_id),
    CONSTRAINT fk_training_certificate_participant FOREIGN KEY (participant_id) REFERENCES training_participant (id),
    CONSTRAINT fk_training_certificate_event FOREIGN KEY (event_id) REFERENCES training_event (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Certificates of completion; the code is what the QR code and the public check use';
