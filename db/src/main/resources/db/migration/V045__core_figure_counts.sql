-- The scorecards' counts, kept in the same transaction as the change (ADR 0006).
--
-- core_figure_count holds, per figure, kabupaten/kota, kecamatan and month (WIB, first day), how
-- many rows of the source tables count for that figure now. Triggers on the source tables add the
-- change of every INSERT, UPDATE and DELETE (the old row's part taken away, the new row's added),
-- so every write path (services, the import's bulk load, merges, the generators, later modules
-- changing a status through the register's service) keeps it true without hooks in Java.
-- core_figure_source is the same count as a plain GROUP BY over the source tables: the rebuild
-- copies it, the consistency test compares it with the counts, the benchmark times it as the
-- naive way.
--
-- What counts (and the month it counts in):
--   REGISTERED            registry_beneficiary not MERGED                      (created_at)
--   VERIFIED              registry_beneficiary VERIFIED/ACTIVE/GRADUATED/EXITED (created_at: no verification date is kept)
--   TRAINING_ENROLLED     training_participant ENROLLED                         (enrolled_at)
--   TRAINING_COMPLETED    training_result COMPLETED                             (completed_on)
--   PROPOSALS_SUBMITTED   grants_proposal ever submitted                        (submitted_at, the last submission)
--   PROPOSALS_APPROVED    grants_proposal PROVINCE_APPROVED/HANDED_OVER         (province_decided_at)
--   APPROVED_RUPIAH       their total                                           (province_decided_at)
--   PROPOSALS_HANDED_OVER grants_proposal HANDED_OVER                           (handed_over_at)
-- Training and grants rows count in the person's kecamatan when the person lives in the row's
-- kabupaten/kota, else in kecamatan '' (unknown).
-- A session that sets @berdaya_figures_deferred = 1 (the import's bulk load) adds its rows itself,
-- once per kecamatan and month, before it commits.

CREATE TABLE core_figure_count (
    figure         VARCHAR(30) NOT NULL COMMENT 'id.berdaya.core.figures.Figure',
    kabkota_code   CHAR(5)     NOT NULL,
    kecamatan_code VARCHAR(8)  NOT NULL COMMENT 'empty when not known',
    month          DATE        NOT NULL COMMENT 'first day of the month (WIB) of the counted fact',
    n              BIGINT      NOT NULL,
    PRIMARY KEY (figure, kabkota_code, kecamatan_code, month)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Scorecard counts per figure, district, kecamatan and month, kept by triggers in the changing transaction';

CREATE VIEW core_figure_source AS
SELECT 'REGISTERED' AS figure, kabkota_code, kecamatan_code,
       CAST(DATE_FORMAT(created_at + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS month, COUNT(*) AS n
FROM registry_beneficiary WHERE status <> 'MERGED'
GROUP BY kabkota_code, kecamatan_code, month
UNION ALL
SELECT 'VERIFIED', kabkota_code, kecamatan_code,
       CAST(DATE_FORMAT(created_at + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS month, COUNT(*)
FROM registry_beneficiary WHERE status IN ('VERIFIED', 'ACTIVE', 'GRADUATED', 'EXITED')
GROUP BY kabkota_code, kecamatan_code, month
UNION ALL
SELECT 'TRAINING_ENROLLED', p.kabkota_code, COALESCE(b.kecamatan_code, '') AS kec,
       CAST(DATE_FORMAT(p.enrolled_at + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS month, COUNT(*)
FROM training_participant p
LEFT JOIN registry_beneficiary b ON b.id = p.beneficiary_id AND b.kabkota_code = p.kabkota_code
WHERE p.status = 'ENROLLED'
GROUP BY p.kabkota_code, kec, month
UNION ALL
SELECT 'TRAINING_COMPLETED', r.kabkota_code, COALESCE(b.kecamatan_code, '') AS kec,
       CAST(DATE_FORMAT(COALESCE(r.completed_on, DATE '2000-01-01'), '%Y-%m-01') AS DATE) AS month, COUNT(*)
FROM training_result r
LEFT JOIN registry_beneficiary b ON b.id = r.beneficiary_id AND b.kabkota_code = r.kabkota_code
WHERE r.result = 'COMPLETED'
GROUP BY r.kabkota_code, kec, month
UNION ALL
SELECT 'PROPOSALS_SUBMITTED', g.kabkota_code, COALESCE(b.kecamatan_code, '') AS kec,
       CAST(DATE_FORMAT(g.submitted_at + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS month, COUNT(*)
FROM grants_proposal g
LEFT JOIN registry_beneficiary b ON b.id = g.beneficiary_id AND b.kabkota_code = g.kabkota_code
WHERE g.submitted_at IS NOT NULL
GROUP BY g.kabkota_code, kec, month
UNION ALL
SELECT 'PROPOSALS_APPROVED', g.kabkota_code, COALESCE(b.kecamatan_code, '') AS kec,
       CAST(DATE_FORMAT(COALESCE(g.province_decided_at, g.updated_at) + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS month, COUNT(*)
FROM grants_proposal g
LEFT JOIN registry_beneficiary b ON b.id = g.beneficiary_id AND b.kabkota_code = g.kabkota_code
WHERE g.state IN ('PROVINCE_APPROVED', 'HANDED_OVER')
GROUP BY g.kabkota_code, kec, month
UNION ALL
SELECT 'APPROVED_RUPIAH', g.kabkota_code, COALESCE(b.kecamatan_code, '') AS kec,
       CAST(DATE_FORMAT(COALESCE(g.province_decided_at, g.updated_at) + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS month, SUM(g.total)
FROM grants_proposal g
LEFT JOIN registry_beneficiary b ON b.id = g.beneficiary_id AND b.kabkota_code = g.kabkota_code
WHERE g.state IN ('PROVINCE_APPROVED', 'HANDED_OVER')
GROUP BY g.kabkota_code, kec, month
UNION ALL
SELECT 'PROPOSALS_HANDED_OVER', g.kabkota_code, COALESCE(b.kecamatan_code, '') AS kec,
       CAST(DATE_FORMAT(COALESCE(g.handed_over_at, g.updated_at) + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS month, COUNT(*)
FROM grants_proposal g
LEFT JOIN registry_beneficiary b ON b.id = g.beneficiary_id AND b.kabkota_code = g.kabkota_code
WHERE g.state = 'HANDED_OVER'
GROUP BY g.kabkota_code, kec, month;

-- The triggers: the old row's part taken away, the new row's added, netted per key.

CREATE TRIGGER registry_beneficiary_figures_insert AFTER INSERT ON registry_beneficiary FOR EACH ROW
INSERT INTO core_figure_count (figure, kabkota_code, kecamatan_code, month, n)
SELECT x.f, x.k, x.c, x.m, SUM(x.d) FROM (
    SELECT 'REGISTERED' AS f, NEW.kabkota_code AS k, NEW.kecamatan_code AS c, CAST(DATE_FORMAT(NEW.created_at + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS m, 1 AS d FROM DUAL WHERE NEW.status <> 'MERGED'
    UNION ALL
    SELECT 'VERIFIED' AS f, NEW.kabkota_code AS k, NEW.kecamatan_code AS c, CAST(DATE_FORMAT(NEW.created_at + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS m, 1 AS d FROM DUAL WHERE NEW.status IN ('VERIFIED', 'ACTIVE', 'GRADUATED', 'EXITED')
) x WHERE @berdaya_figures_deferred IS NULL
GROUP BY x.f, x.k, x.c, x.m HAVING SUM(x.d) <> 0
ON DUPLICATE KEY UPDATE n = n + VALUES(n);

CREATE TRIGGER registry_beneficiary_figures_update AFTER UPDATE ON registry_beneficiary FOR EACH ROW
INSERT INTO core_figure_count (figure, kabkota_code, kecamatan_code, month, n)
SELECT x.f, x.k, x.c, x.m, SUM(x.d) FROM (
    SELECT 'REGISTERED' AS f, OLD.kabkota_code AS k, OLD.kecamatan_code AS c, CAST(DATE_FORMAT(OLD.created_at + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS m, -1 AS d FROM DUAL WHERE OLD.status <> 'MERGED'
    UNION ALL
    SELECT 'VERIFIED' AS f, OLD.kabkota_code AS k, OLD.kecamatan_code AS c, CAST(DATE_FORMAT(OLD.created_at + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS m, -1 AS d FROM DUAL WHERE OLD.status IN ('VERIFIED', 'ACTIVE', 'GRADUATED', 'EXITED')
    UNION ALL
    SELECT 'REGISTERED' AS f, NEW.kabkota_code AS k, NEW.kecamatan_code AS c, CAST(DATE_FORMAT(NEW.created_at + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS m, 1 AS d FROM DUAL WHERE NEW.status <> 'MERGED'
    UNION ALL
    SELECT 'VERIFIED' AS f, NEW.kabkota_code AS k, NEW.kecamatan_code AS c, CAST(DATE_FORMAT(NEW.created_at + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS m, 1 AS d FROM DUAL WHERE NEW.status IN ('VERIFIED', 'ACTIVE', 'GRADUATED', 'EXITED')
) x WHERE @berdaya_figures_deferred IS NULL
GROUP BY x.f, x.k, x.c, x.m HAVING SUM(x.d) <> 0
ON DUPLICATE KEY UPDATE n = n + VALUES(n);

CREATE TRIGGER registry_beneficiary_figures_delete AFTER DELETE ON registry_beneficiary FOR EACH ROW
INSERT INTO core_figure_count (figure, kabkota_code, kecamatan_code, month, n)
SELECT x.f, x.k, x.c, x.m, SUM(x.d) FROM (
    SELECT 'REGISTERED' AS f, OLD.kabkota_code AS k, OLD.kecamatan_code AS c, CAST(DATE_FORMAT(OLD.created_at + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS m, -1 AS d FROM DUAL WHERE OLD.status <> 'MERGED'
    UNION ALL
    SELECT 'VERIFIED' AS f, OLD.kabkota_code AS k, OLD.kecamatan_code AS c, CAST(DATE_FORMAT(OLD.created_at + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS m, -1 AS d FROM DUAL WHERE OLD.status IN ('VERIFIED', 'ACTIVE', 'GRADUATED', 'EXITED')
) x WHERE @berdaya_figures_deferred IS NULL
GROUP BY x.f, x.k, x.c, x.m HAVING SUM(x.d) <> 0
ON DUPLICATE KEY UPDATE n = n + VALUES(n);

CREATE TRIGGER training_participant_figures_insert AFTER INSERT ON training_participant FOR EACH ROW
INSERT INTO core_figure_count (figure, kabkota_code, kecamatan_code, month, n)
SELECT x.f, x.k, x.c, x.m, SUM(x.d) FROM (
    SELECT 'TRAINING_ENROLLED' AS f, NEW.kabkota_code AS k, COALESCE((SELECT b.kecamatan_code FROM registry_beneficiary b WHERE b.id = NEW.beneficiary_id AND b.kabkota_code = NEW.kabkota_code), '') AS c, CAST(DATE_FORMAT(NEW.enrolled_at + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS m, 1 AS d FROM DUAL WHERE NEW.status = 'ENROLLED'
) x WHERE TRUE
GROUP BY x.f, x.k, x.c, x.m HAVING SUM(x.d) <> 0
ON DUPLICATE KEY UPDATE n = n + VALUES(n);

CREATE TRIGGER training_participant_figures_update AFTER UPDATE ON training_participant FOR EACH ROW
INSERT INTO core_figure_count (figure, kabkota_code, kecamatan_code, month, n)
SELECT x.f, x.k, x.c, x.m, SUM(x.d) FROM (
    SELECT 'TRAINING_ENROLLED' AS f, OLD.kabkota_code AS k, COALESCE((SELECT b.kecamatan_code FROM registry_beneficiary b WHERE b.id = OLD.beneficiary_id AND b.kabkota_code = OLD.kabkota_code), '') AS c, CAST(DATE_FORMAT(OLD.enrolled_at + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS m, -1 AS d FROM DUAL WHERE OLD.status = 'ENROLLED'
    UNION ALL
    SELECT 'TRAINING_ENROLLED' AS f, NEW.kabkota_code AS k, COALESCE((SELECT b.kecamatan_code FROM registry_beneficiary b WHERE b.id = NEW.beneficiary_id AND b.kabkota_code = NEW.kabkota_code), '') AS c, CAST(DATE_FORMAT(NEW.enrolled_at + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS m, 1 AS d FROM DUAL WHERE NEW.status = 'ENROLLED'
) x WHERE TRUE
GROUP BY x.f, x.k, x.c, x.m HAVING SUM(x.d) <> 0
ON DUPLICATE KEY UPDATE n = n + VALUES(n);

CREATE TRIGGER training_participant_figures_delete AFTER DELETE ON training_participant FOR EACH ROW
INSERT INTO core_figure_count (figure, kabkota_code, kecamatan_code, month, n)
SELECT x.f, x.k, x.c, x.m, SUM(x.d) FROM (
    SELECT 'TRAINING_ENROLLED' AS f, OLD.kabkota_code AS k, COALESCE((SELECT b.kecamatan_code FROM registry_beneficiary b WHERE b.id = OLD.beneficiary_id AND b.kabkota_code = OLD.kabkota_code), '') AS c, CAST(DATE_FORMAT(OLD.enrolled_at + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS m, -1 AS d FROM DUAL WHERE OLD.status = 'ENROLLED'
) x WHERE TRUE
GROUP BY x.f, x.k, x.c, x.m HAVING SUM(x.d) <> 0
ON DUPLICATE KEY UPDATE n = n + VALUES(n);

CREATE TRIGGER training_result_figures_insert AFTER INSERT ON training_result FOR EACH ROW
INSERT INTO core_figure_count (figure, kabkota_code, kecamatan_code, month, n)
SELECT x.f, x.k, x.c, x.m, SUM(x.d) FROM (
    SELECT 'TRAINING_COMPLETED' AS f, NEW.kabkota_code AS k, COALESCE((SELECT b.kecamatan_code FROM registry_beneficiary b WHERE b.id = NEW.beneficiary_id AND b.kabkota_code = NEW.kabkota_code), '') AS c, CAST(DATE_FORMAT(COALESCE(NEW.completed_on, DATE '2000-01-01'), '%Y-%m-01') AS DATE) AS m, 1 AS d FROM DUAL WHERE NEW.result = 'COMPLETED'
) x WHERE TRUE
GROUP BY x.f, x.k, x.c, x.m HAVING SUM(x.d) <> 0
ON DUPLICATE KEY UPDATE n = n + VALUES(n);

CREATE TRIGGER training_result_figures_update AFTER UPDATE ON training_result FOR EACH ROW
INSERT INTO core_figure_count (figure, kabkota_code, kecamatan_code, month, n)
SELECT x.f, x.k, x.c, x.m, SUM(x.d) FROM (
    SELECT 'TRAINING_COMPLETED' AS f, OLD.kabkota_code AS k, COALESCE((SELECT b.kecamatan_code FROM registry_beneficiary b WHERE b.id = OLD.beneficiary_id AND b.kabkota_code = OLD.kabkota_code), '') AS c, CAST(DATE_FORMAT(COALESCE(OLD.completed_on, DATE '2000-01-01'), '%Y-%m-01') AS DATE) AS m, -1 AS d FROM DUAL WHERE OLD.result = 'COMPLETED'
    UNION ALL
    SELECT 'TRAINING_COMPLETED' AS f, NEW.kabkota_code AS k, COALESCE((SELECT b.kecamatan_code FROM registry_beneficiary b WHERE b.id = NEW.beneficiary_id AND b.kabkota_code = NEW.kabkota_code), '') AS c, CAST(DATE_FORMAT(COALESCE(NEW.completed_on, DATE '2000-01-01'), '%Y-%m-01') AS DATE) AS m, 1 AS d FROM DUAL WHERE NEW.result = 'COMPLETED'
) x WHERE TRUE
GROUP BY x.f, x.k, x.c, x.m HAVING SUM(x.d) <> 0
ON DUPLICATE KEY UPDATE n = n + VALUES(n);

CREATE TRIGGER training_result_figures_delete AFTER DELETE ON training_result FOR EACH ROW
INSERT INTO core_figure_count (figure, kabkota_code, kecamatan_code, month, n)
SELECT x.f, x.k, x.c, x.m, SUM(x.d) FROM (
    SELECT 'TRAINING_COMPLETED' AS f, OLD.kabkota_code AS k, COALESCE((SELECT b.kecamatan_code FROM registry_beneficiary b WHERE b.id = OLD.beneficiary_id AND b.kabkota_code = OLD.kabkota_code), '') AS c, CAST(DATE_FORMAT(COALESCE(OLD.completed_on, DATE '2000-01-01'), '%Y-%m-01') AS DATE) AS m, -1 AS d FROM DUAL WHERE OLD.result = 'COMPLETED'
) x WHERE TRUE
GROUP BY x.f, x.k, x.c, x.m HAVING SUM(x.d) <> 0
ON DUPLICATE KEY UPDATE n = n + VALUES(n);

CREATE TRIGGER grants_proposal_figures_insert AFTER INSERT ON grants_proposal FOR EACH ROW
INSERT INTO core_figure_count (figure, kabkota_code, kecamatan_code, month, n)
SELECT x.f, x.k, x.c, x.m, SUM(x.d) FROM (
    SELECT 'PROPOSALS_SUBMITTED' AS f, NEW.kabkota_code AS k, COALESCE((SELECT b.kecamatan_code FROM registry_beneficiary b WHERE b.id = NEW.beneficiary_id AND b.kabkota_code = NEW.kabkota_code), '') AS c, CAST(DATE_FORMAT(NEW.submitted_at + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS m, 1 AS d FROM DUAL WHERE NEW.submitted_at IS NOT NULL
    UNION ALL
    SELECT 'PROPOSALS_APPROVED' AS f, NEW.kabkota_code AS k, COALESCE((SELECT b.kecamatan_code FROM registry_beneficiary b WHERE b.id = NEW.beneficiary_id AND b.kabkota_code = NEW.kabkota_code), '') AS c, CAST(DATE_FORMAT(COALESCE(NEW.province_decided_at, NEW.updated_at) + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS m, 1 AS d FROM DUAL WHERE NEW.state IN ('PROVINCE_APPROVED', 'HANDED_OVER')
    UNION ALL
    SELECT 'APPROVED_RUPIAH' AS f, NEW.kabkota_code AS k, COALESCE((SELECT b.kecamatan_code FROM registry_beneficiary b WHERE b.id = NEW.beneficiary_id AND b.kabkota_code = NEW.kabkota_code), '') AS c, CAST(DATE_FORMAT(COALESCE(NEW.province_decided_at, NEW.updated_at) + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS m, NEW.total AS d FROM DUAL WHERE NEW.state IN ('PROVINCE_APPROVED', 'HANDED_OVER')
    UNION ALL
    SELECT 'PROPOSALS_HANDED_OVER' AS f, NEW.kabkota_code AS k, COALESCE((SELECT b.kecamatan_code FROM registry_beneficiary b WHERE b.id = NEW.beneficiary_id AND b.kabkota_code = NEW.kabkota_code), '') AS c, CAST(DATE_FORMAT(COALESCE(NEW.handed_over_at, NEW.updated_at) + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS m, 1 AS d FROM DUAL WHERE NEW.state = 'HANDED_OVER'
) x WHERE TRUE
GROUP BY x.f, x.k, x.c, x.m HAVING SUM(x.d) <> 0
ON DUPLICATE KEY UPDATE n = n + VALUES(n);

CREATE TRIGGER grants_proposal_figures_update AFTER UPDATE ON grants_proposal FOR EACH ROW
INSERT INTO core_figure_count (figure, kabkota_code, kecamatan_code, month, n)
SELECT x.f, x.k, x.c, x.m, SUM(x.d) FROM (
    SELECT 'PROPOSALS_SUBMITTED' AS f, OLD.kabkota_code AS k, COALESCE((SELECT b.kecamatan_code FROM registry_beneficiary b WHERE b.id = OLD.beneficiary_id AND b.kabkota_code = OLD.kabkota_code), '') AS c, CAST(DATE_FORMAT(OLD.submitted_at + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS m, -1 AS d FROM DUAL WHERE OLD.submitted_at IS NOT NULL
    UNION ALL
    SELECT 'PROPOSALS_APPROVED' AS f, OLD.kabkota_code AS k, COALESCE((SELECT b.kecamatan_code FROM registry_beneficiary b WHERE b.id = OLD.beneficiary_id AND b.kabkota_code = OLD.kabkota_code), '') AS c, CAST(DATE_FORMAT(COALESCE(OLD.province_decided_at, OLD.updated_at) + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS m, -1 AS d FROM DUAL WHERE OLD.state IN ('PROVINCE_APPROVED', 'HANDED_OVER')
    UNION ALL
    SELECT 'APPROVED_RUPIAH' AS f, OLD.kabkota_code AS k, COALESCE((SELECT b.kecamatan_code FROM registry_beneficiary b WHERE b.id = OLD.beneficiary_id AND b.kabkota_code = OLD.kabkota_code), '') AS c, CAST(DATE_FORMAT(COALESCE(OLD.province_decided_at, OLD.updated_at) + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS m, -OLD.total AS d FROM DUAL WHERE OLD.state IN ('PROVINCE_APPROVED', 'HANDED_OVER')
    UNION ALL
    SELECT 'PROPOSALS_HANDED_OVER' AS f, OLD.kabkota_code AS k, COALESCE((SELECT b.kecamatan_code FROM registry_beneficiary b WHERE b.id = OLD.beneficiary_id AND b.kabkota_code = OLD.kabkota_code), '') AS c, CAST(DATE_FORMAT(COALESCE(OLD.handed_over_at, OLD.updated_at) + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS m, -1 AS d FROM DUAL WHERE OLD.state = 'HANDED_OVER'
    UNION ALL
    SELECT 'PROPOSALS_SUBMITTED' AS f, NEW.kabkota_code AS k, COALESCE((SELECT b.kecamatan_code FROM registry_beneficiary b WHERE b.id = NEW.beneficiary_id AND b.kabkota_code = NEW.kabkota_code), '') AS c, CAST(DATE_FORMAT(NEW.submitted_at + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS m, 1 AS d FROM DUAL WHERE NEW.submitted_at IS NOT NULL
    UNION ALL
    SELECT 'PROPOSALS_APPROVED' AS f, NEW.kabkota_code AS k, COALESCE((SELECT b.kecamatan_code FROM registry_beneficiary b WHERE b.id = NEW.beneficiary_id AND b.kabkota_code = NEW.kabkota_code), '') AS c, CAST(DATE_FORMAT(COALESCE(NEW.province_decided_at, NEW.updated_at) + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS m, 1 AS d FROM DUAL WHERE NEW.state IN ('PROVINCE_APPROVED', 'HANDED_OVER')
    UNION ALL
    SELECT 'APPROVED_RUPIAH' AS f, NEW.kabkota_code AS k, COALESCE((SELECT b.kecamatan_code FROM registry_beneficiary b WHERE b.id = NEW.beneficiary_id AND b.kabkota_code = NEW.kabkota_code), '') AS c, CAST(DATE_FORMAT(COALESCE(NEW.province_decided_at, NEW.updated_at) + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS m, NEW.total AS d FROM DUAL WHERE NEW.state IN ('PROVINCE_APPROVED', 'HANDED_OVER')
    UNION ALL
    SELECT 'PROPOSALS_HANDED_OVER' AS f, NEW.kabkota_code AS k, COALESCE((SELECT b.kecamatan_code FROM registry_beneficiary b WHERE b.id = NEW.beneficiary_id AND b.kabkota_code = NEW.kabkota_code), '') AS c, CAST(DATE_FORMAT(COALESCE(NEW.handed_over_at, NEW.updated_at) + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS m, 1 AS d FROM DUAL WHERE NEW.state = 'HANDED_OVER'
) x WHERE TRUE
GROUP BY x.f, x.k, x.c, x.m HAVING SUM(x.d) <> 0
ON DUPLICATE KEY UPDATE n = n + VALUES(n);

CREATE TRIGGER grants_proposal_figures_delete AFTER DELETE ON grants_proposal FOR EACH ROW
INSERT INTO core_figure_count (figure, kabkota_code, kecamatan_code, month, n)
SELECT x.f, x.k, x.c, x.m, SUM(x.d) FROM (
    SELECT 'PROPOSALS_SUBMITTED' AS f, OLD.kabkota_code AS k, COALESCE((SELECT b.kecamatan_code FROM registry_beneficiary b WHERE b.id = OLD.beneficiary_id AND b.kabkota_code = OLD.kabkota_code), '') AS c, CAST(DATE_FORMAT(OLD.submitted_at + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS m, -1 AS d FROM DUAL WHERE OLD.submitted_at IS NOT NULL
    UNION ALL
    SELECT 'PROPOSALS_APPROVED' AS f, OLD.kabkota_code AS k, COALESCE((SELECT b.kecamatan_code FROM registry_beneficiary b WHERE b.id = OLD.beneficiary_id AND b.kabkota_code = OLD.kabkota_code), '') AS c, CAST(DATE_FORMAT(COALESCE(OLD.province_decided_at, OLD.updated_at) + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS m, -1 AS d FROM DUAL WHERE OLD.state IN ('PROVINCE_APPROVED', 'HANDED_OVER')
    UNION ALL
    SELECT 'APPROVED_RUPIAH' AS f, OLD.kabkota_code AS k, COALESCE((SELECT b.kecamatan_code FROM registry_beneficiary b WHERE b.id = OLD.beneficiary_id AND b.kabkota_code = OLD.kabkota_code), '') AS c, CAST(DATE_FORMAT(COALESCE(OLD.province_decided_at, OLD.updated_at) + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS m, -OLD.total AS d FROM DUAL WHERE OLD.state IN ('PROVINCE_APPROVED', 'HANDED_OVER')
    UNION ALL
    SELECT 'PROPOSALS_HANDED_OVER' AS f, OLD.kabkota_code AS k, COALESCE((SELECT b.kecamatan_code FROM registry_beneficiary b WHERE b.id = OLD.beneficiary_id AND b.kabkota_code = OLD.kabkota_code), '') AS c, CAST(DATE_FORMAT(COALESCE(OLD.handed_over_at, OLD.updated_at) + INTERVAL 7 HOUR, '%Y-%m-01') AS DATE) AS m, -1 AS d FROM DUAL WHERE OLD.state = 'HANDED_OVER'
) x WHERE TRUE
GROUP BY x.f, x.k, x.c, x.m HAVING SUM(x.d) <> 0
ON DUPLICATE KEY UPDATE n = n + VALUES(n);


-- The counts of what exists already.
INSERT INTO core_figure_count (figure, kabkota_code, kecamatan_code, month, n)
SELECT figure, kabkota_code, kecamatan_code, month, SUM(n) FROM core_figure_source
GROUP BY figure, kabkota_code, kecamatan_code, month;
