-- Two roll-ups of core_figure_count (ADR 0006), so that the scorecards read a few hundred rows:
--   core_figure_total           per figure, kabupaten/kota and kecamatan, all months (the scorecards)
--   core_figure_kabkota_month   per figure, kabupaten/kota and month (the province's figures of a period)
-- Kept by triggers on core_figure_count in the same statement, so in the same transaction.

CREATE TABLE core_figure_total (
    figure         VARCHAR(30) NOT NULL,
    kabkota_code   CHAR(5)     NOT NULL,
    kecamatan_code VARCHAR(8)  NOT NULL,
    n              BIGINT      NOT NULL,
    PRIMARY KEY (figure, kabkota_code, kecamatan_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'core_figure_count summed over the months, kept by its triggers';

CREATE TABLE core_figure_kabkota_month (
    figure       VARCHAR(30) NOT NULL,
    kabkota_code CHAR(5)     NOT NULL,
    month        DATE        NOT NULL,
    n            BIGINT      NOT NULL,
    PRIMARY KEY (figure, month, kabkota_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'core_figure_count summed over the kecamatan, kept by its triggers';

CREATE TRIGGER core_figure_count_total_insert AFTER INSERT ON core_figure_count FOR EACH ROW
INSERT INTO core_figure_total (figure, kabkota_code, kecamatan_code, n) VALUES (NEW.figure, NEW.kabkota_code, NEW.kecamatan_code, NEW.n)
ON DUPLICATE KEY UPDATE n = n + VALUES(n);

CREATE TRIGGER core_figure_count_month_insert AFTER INSERT ON core_figure_count FOR EACH ROW
INSERT INTO core_figure_kabkota_month (figure, kabkota_code, month, n) VALUES (NEW.figure, NEW.kabkota_code, NEW.month, NEW.n)
ON DUPLICATE KEY UPDATE n = n + VALUES(n);

CREATE TRIGGER core_figure_count_total_update AFTER UPDATE ON core_figure_count FOR EACH ROW
INSERT INTO core_figure_total (figure, kabkota_code, kecamatan_code, n) VALUES (NEW.figure, NEW.kabkota_code, NEW.kecamatan_code, NEW.n - OLD.n)
ON DUPLICATE KEY UPDATE n = n + VALUES(n);

CREATE TRIGGER core_figure_count_month_update AFTER UPDATE ON core_figure_count FOR EACH ROW
INSERT INTO core_figure_kabkota_month (figure, kabkota_code, month, n) VALUES (NEW.figure, NEW.kabkota_code, NEW.month, NEW.n - OLD.n)
ON DUPLICATE KEY UPDATE n = n + VALUES(n);

CREATE TRIGGER core_figure_count_total_delete AFTER DELETE ON core_figure_count FOR EACH ROW
INSERT INTO core_figure_total (figure, kabkota_code, kecamatan_code, n) VALUES (OLD.figure, OLD.kabkota_code, OLD.kecamatan_code, -OLD.n)
ON DUPLICATE KEY UPDATE n = n + VALUES(n);

CREATE TRIGGER core_figure_count_month_delete AFTER DELETE ON core_figure_count FOR EACH ROW
INSERT INTO core_figure_kabkota_month (figure, kabkota_code, month, n) VALUES (OLD.figure, OLD.kabkota_code, OLD.month, -OLD.n)
ON DUPLICATE KEY UPDATE n = n + VALUES(n);

INSERT INTO core_figure_total (figure, kabkota_code, kecamatan_code, n)
SELECT figure, kabkota_code, kecamatan_code, SUM(n) FROM core_figure_count GROUP BY figure, kabkota_code, kecamatan_code;

INSERT INTO core_figure_kabkota_month (figure, kabkota_code, month, n)
SELECT figure, kabkota_code, month, SUM(n) FROM core_figure_count GROUP BY figure, kabkota_code, month;
