-- The last certificate number per kabupaten/kota and year. Closing an event takes its numbers with
-- INSERT ... ON DUPLICATE KEY UPDATE on this row, which holds the row's exclusive lock until the
-- closing commits, also for the year's first number. (MAX(seq) ... FOR UPDATE over the certificates
-- let two closings of one district share the gap lock of an empty year and then deadlock on insert.)
CREATE TABLE training_certificate_number (
    id           BIGINT   NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kabkota_code CHAR(5)  NOT NULL,
    year         SMALLINT NOT NULL,
    last_seq     INT      NOT NULL,
    UNIQUE KEY uk_training_certificate_number_year (kabkota_code, year),
    CONSTRAINT fk_training_certificate_number_kabkota FOREIGN KEY (kabkota_code) REFERENCES region_kabkota (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'The last certificate number per kabupaten/kota and year';

INSERT INTO training_certificate_number (kabkota_code, year, last_seq)
SELECT kabkota_code, year, MAX(seq) FROM training_certificate GROUP BY kabkota_code, year;
