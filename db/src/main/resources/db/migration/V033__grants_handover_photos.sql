-- Grants, handover: photos, position, group handovers and voiding.
-- * grants_handover_photo: one to three photos per handover (or per group handover: a group photo
--   belongs to the group and counts for each of its records). The stored file is re-encoded and has
--   no metadata at all; the capture time (EXIF DateTimeOriginal) and, only with the operator's
--   consent, the camera's GPS position are kept as columns beside it.
-- * grants_handover_group: several proposals of one district handed over on one day in one place by
--   the same party before the same witness; each person still has their own BAST (group_id).
-- * grants_handover: an optional position (latitude/longitude, within Jawa Tengah) and a void
--   (by the district head, with a reason). A voided record keeps its number (never reused); its
--   proposal may be handed over again, so the one-record-per-proposal key now holds for records
--   that are not voided only (active_proposal_id).

CREATE TABLE grants_handover_group (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kabkota_code     CHAR(5)      NOT NULL,
    handed_on        DATE         NOT NULL,
    place            VARCHAR(200) NOT NULL,
    giver_name       VARCHAR(150) NOT NULL,
    giver_position   VARCHAR(150) NOT NULL,
    giver_office     VARCHAR(150) NOT NULL,
    witness_name     VARCHAR(150) NOT NULL,
    witness_position VARCHAR(150) NOT NULL,
    recorded_by      VARCHAR(64)  NOT NULL,
    recorded_at      DATETIME(6)  NOT NULL,
    version          INT          NOT NULL DEFAULT 1,
    KEY ix_grants_handover_group_date (kabkota_code, handed_on),
    CONSTRAINT fk_grants_handover_group_kabkota FOREIGN KEY (kabkota_code) REFERENCES region_kabkota (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Group handovers: the shared date, place, handing party and witness of several BASTs of one district';

ALTER TABLE grants_handover
    ADD COLUMN group_id           BIGINT       NULL COMMENT 'the group handover it was recorded in, if any' AFTER proposal_id,
    ADD COLUMN latitude           DECIMAL(9,6) NULL COMMENT 'optional position of the handover (within Jawa Tengah)',
    ADD COLUMN longitude          DECIMAL(9,6) NULL,
    ADD COLUMN voided_at          DATETIME(6)  NULL COMMENT 'set when the district head voided the record',
    ADD COLUMN voided_by          VARCHAR(64)  NULL,
    ADD COLUMN void_reason        VARCHAR(300) NULL,
    ADD COLUMN active_proposal_id BIGINT AS (IF(voided_at IS NULL, proposal_id, NULL)) PERSISTENT
        COMMENT 'proposal_id while not voided: at most one valid record per proposal',
    ADD KEY ix_grants_handover_proposal (proposal_id),
    ADD UNIQUE KEY uk_grants_handover_active (active_proposal_id),
    ADD CONSTRAINT fk_grants_handover_group FOREIGN KEY (group_id) REFERENCES grants_handover_group (id),
    ADD CONSTRAINT ck_grants_handover_position CHECK ((latitude IS NULL) = (longitude IS NULL));

ALTER TABLE grants_handover DROP KEY uk_grants_handover_proposal;

CREATE TABLE grants_handover_photo (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    handover_id  BIGINT       NULL COMMENT 'the record it belongs to, or',
    group_id     BIGINT       NULL COMMENT 'the group handover it belongs to (a group photo)',
    kabkota_code CHAR(5)      NOT NULL COMMENT 'the handover''s',
    content_type VARCHAR(20)  NOT NULL COMMENT 'image/jpeg or image/png, as re-encoded',
    width        INT          NOT NULL,
    height       INT          NOT NULL,
    size_bytes   INT          NOT NULL,
    sha256       CHAR(64)     NOT NULL COMMENT 'of the stored bytes: part of the seal of each record it belongs to',
    content      MEDIUMBLOB   NOT NULL COMMENT 're-encoded: no EXIF or other metadata',
    taken_at     DATETIME     NULL COMMENT 'EXIF DateTimeOriginal as the camera wrote it (local time)',
    latitude     DECIMAL(9,6) NULL COMMENT 'EXIF GPS, kept only with the operator''s consent',
    longitude    DECIMAL(9,6) NULL,
    uploaded_by  VARCHAR(64)  NOT NULL,
    uploaded_at  DATETIME(6)  NOT NULL,
    KEY ix_grants_handover_photo (handover_id, id),
    KEY ix_grants_handover_photo_group (group_id, id),
    CONSTRAINT fk_grants_handover_photo_handover FOREIGN KEY (handover_id) REFERENCES grants_handover (id),
    CONSTRAINT fk_grants_handover_photo_group FOREIGN KEY (group_id) REFERENCES grants_handover_group (id),
    CONSTRAINT ck_grants_handover_photo_owner CHECK ((handover_id IS NULL) <> (group_id IS NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Photos of handovers (1 to 3 per record or group), stripped of metadata; immutable once stored';
