-- Training: the attendance sheet's taps, applied idempotently, and the signed sign-in sheets.
-- A tap carries a sequence number per participant (from the tablet, which queues its taps while
-- offline and replays them); the server keeps the highest one applied, so a replayed or late tap
-- never overwrites a newer one. Marks made on the server take the server's clock in milliseconds.

ALTER TABLE training_attendance
    ADD COLUMN tap_seq BIGINT NULL COMMENT 'sequence of the tap that set this state: the highest wins' AFTER state;

CREATE TABLE training_session_scan (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    session_id   BIGINT       NOT NULL,
    kabkota_code CHAR(5)      NOT NULL COMMENT 'the event''s',
    file_name    VARCHAR(200) NOT NULL,
    content_type VARCHAR(100) NOT NULL COMMENT 'from the content itself (PDF, JPEG or PNG), not the file name',
    size_bytes   INT          NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    content      MEDIUMBLOB   NOT NULL,
    uploaded_by  VARCHAR(64)  NOT NULL,
    uploaded_at  DATETIME(6)  NOT NULL DEFAULT UTC_TIMESTAMP(6),
    KEY ix_training_session_scan_session (session_id, id),
    CONSTRAINT fk_training_session_scan_session FOREIGN KEY (session_id) REFERENCES training_session (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Signed sign-in sheets (daftar hadir) of a session, scanned; immutable once stored';
