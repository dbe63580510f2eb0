-- The visits' figures of a period, kept by the triggers of monitoring_visit in the visit's transaction
-- (ADR 0006), so that the scorecard's period figures and the Beranda's five-year flow chart stop
-- reading every visit done in the period: the flow chart asked monitoring for five years of visits
-- done (index ranges over 320,000 visits at full scale) on every province Beranda.
-- Counted in the month of the visit (visited_on), as TrendRepository.doneIn counted them:
--   VISITS_DONE    monitoring_visit visited
--   VISITED_6M     visited, the 6-month visit, the person met (business recorded)
--   RUNNING_6M     of those, the business running fully or partly
--   VISITED_12M    the same at 12 months
--   RUNNING_12M
-- These names are the scorecard's: monitoring's FigureSource keeps reading their totals from
-- monitoring_tally and now reads a period's from here.

DROP TRIGGER monitoring_visit_figures_insert;
DROP TRIGGER monitoring_visit_figures_update;
DROP TRIGGER monitoring_visit_figures_delete;

CREATE OR REPLACE VIEW core_figure_source AS
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
GROUP BY g.kabkota_code, kec, month
UNION ALL
SELECT 'VISITS_BY_DUE_MONTH', kabkota_code, kecamatan_code, due_on - INTERVAL (DAYOFMONTH(due_on) - 1) DAY AS month, COUNT(*)
FROM monitoring_visit
GROUP BY kabkota_code, kecamatan_code, month
UNION ALL
SELECT 'VISITS_BY_DUE_MONTH_DONE', kabkota_code, kecamatan_code, due_on - INTERVAL (DAYOFMONTH(due_on) - 1) DAY AS month, COUNT(*)
FROM monitoring_visit WHERE done
GROUP BY kabkota_code, kecamatan_code, month
UNION ALL
SELECT 'VISITS_DONE', kabkota_code, kecamatan_code, visited_on - INTERVAL (DAYOFMONTH(visited_on) - 1) DAY AS month, COUNT(*)
FROM monitoring_visit WHERE visited_on IS NOT NULL
GROUP BY kabkota_code, kecamatan_code, month
UNION ALL
SELECT 'VISITED_6M', kabkota_code, kecamatan_code, visited_on - INTERVAL (DAYOFMONTH(visited_on) - 1) DAY AS month, COUNT(*)
FROM monitoring_visit WHERE visited_on IS NOT NULL AND month_offset = 6 AND business IS NOT NULL
GROUP BY kabkota_code, kecamatan_code, month
UNION ALL
SELECT 'RUNNING_6M', kabkota_code, kecamatan_code, visited_on - INTERVAL (DAYOFMONTH(visited_on) - 1) DAY AS month, COUNT(*)
FROM monitoring_visit WHERE visited_on IS NOT NULL AND month_offset = 6 AND business IN ('RUNNING', 'PARTLY')
GROUP BY kabkota_code, kecamatan_code, month
UNION ALL
SELECT 'VISITED_12M', kabkota_code, kecamatan_code, visited_on - INTERVAL (DAYOFMONTH(visited_on) - 1) DAY AS month, COUNT(*)
FROM monitoring_visit WHERE visited_on IS NOT NULL AND month_offset = 12 AND business IS NOT NULL
GROUP BY kabkota_code, kecamatan_code, month
UNION ALL
SELECT 'RUNNING_12M', kabkota_code, kecamatan_code, visited_on - INTERVAL (DAYOFMONTH(visited_on) - 1) DAY AS month, COUNT(*)
FROM monitoring_visit WHERE visited_on IS NOT NULL AND month_offset = 12 AND business IN ('RUNNING', 'PARTLY')
GROUP BY kabkota_code, kecamatan_code, month;

DELIMITER //

CREATE TRIGGER monitoring_visit_figures_insert AFTER INSERT ON monitoring_visit FOR EACH ROW
BEGIN
    CALL core_figure_move('VISITS_BY_DUE_MONTH',
            FALSE, NULL, NULL, NULL, 0,
            TRUE, NEW.kabkota_code, NEW.kecamatan_code, NEW.due_on - INTERVAL (DAYOFMONTH(NEW.due_on) - 1) DAY, 1);
    CALL core_figure_move('VISITS_BY_DUE_MONTH_DONE',
            FALSE, NULL, NULL, NULL, 0,
            NEW.done, NEW.kabkota_code, NEW.kecamatan_code, NEW.due_on - INTERVAL (DAYOFMONTH(NEW.due_on) - 1) DAY, 1);
    CALL core_figure_move('VISITS_DONE',
            FALSE, NULL, NULL, NULL, 0,
            NEW.visited_on IS NOT NULL, NEW.kabkota_code, NEW.kecamatan_code, NEW.visited_on - INTERVAL (DAYOFMONTH(NEW.visited_on) - 1) DAY, 1);
    CALL core_figure_move('VISITED_6M',
            FALSE, NULL, NULL, NULL, 0,
            NEW.visited_on IS NOT NULL AND NEW.month_offset = 6 AND NEW.business IS NOT NULL, NEW.kabkota_code, NEW.kecamatan_code, NEW.visited_on - INTERVAL (DAYOFMONTH(NEW.visited_on) - 1) DAY, 1);
    CALL core_figure_move('RUNNING_6M',
            FALSE, NULL, NULL, NULL, 0,
            NEW.visited_on IS NOT NULL AND NEW.month_offset = 6 AND NEW.business IN ('RUNNING', 'PARTLY'), NEW.kabkota_code, NEW.kecamatan_code, NEW.visited_on - INTERVAL (DAYOFMONTH(NEW.visited_on) - 1) DAY, 1);
    CALL core_figure_move('VISITED_12M',
            FALSE, NULL, NULL, NULL, 0,
            NEW.visited_on IS NOT NULL AND NEW.month_offset = 12 AND NEW.business IS NOT NULL, NEW.kabkota_code, NEW.kecamatan_code, NEW.visited_on - INTERVAL (DAYOFMONTH(NEW.visited_on) - 1) DAY, 1);
    CALL core_figure_move('RUNNING_12M',
            FALSE, NULL, NULL, NULL, 0,
            NEW.visited_on IS NOT NULL AND NEW.month_offset = 12 AND NEW.business IN ('RUNNING', 'PARTLY'), NEW.kabkota_code, NEW.kecamatan_code, NEW.visited_on - INTERVAL (DAYOFMONTH(NEW.visited_on) - 1) DAY, 1);
END//

CREATE TRIGGER monitoring_visit_figures_update AFTER UPDATE ON monitoring_visit FOR EACH ROW
BEGIN
    IF NOT (OLD.due_on <=> NEW.due_on AND OLD.done <=> NEW.done AND OLD.visited_on <=> NEW.visited_on
        AND OLD.month_offset <=> NEW.month_offset AND OLD.business <=> NEW.business
        AND OLD.kabkota_code <=> NEW.kabkota_code AND OLD.kecamatan_code <=> NEW.kecamatan_code) THEN
        CALL core_figure_move('VISITS_BY_DUE_MONTH',
                TRUE, OLD.kabkota_code, OLD.kecamatan_code, OLD.due_on - INTERVAL (DAYOFMONTH(OLD.due_on) - 1) DAY, 1,
                TRUE, NEW.kabkota_code, NEW.kecamatan_code, NEW.due_on - INTERVAL (DAYOFMONTH(NEW.due_on) - 1) DAY, 1);
        CALL core_figure_move('VISITS_BY_DUE_MONTH_DONE',
                OLD.done, OLD.kabkota_code, OLD.kecamatan_code, OLD.due_on - INTERVAL (DAYOFMONTH(OLD.due_on) - 1) DAY, 1,
                NEW.done, NEW.kabkota_code, NEW.kecamatan_code, NEW.due_on - INTERVAL (DAYOFMONTH(NEW.due_on) - 1) DAY, 1);
        CALL core_figure_move('VISITS_DONE',
                OLD.visited_on IS NOT NULL, OLD.kabkota_code, OLD.kecamatan_code, OLD.visited_on - INTERVAL (DAYOFMONTH(OLD.visited_on) - 1) DAY, 1,
                NEW.visited_on IS NOT NULL, NEW.kabkota_code, NEW.kecamatan_code, NEW.visited_on - INTERVAL (DAYOFMONTH(NEW.visited_on) - 1) DAY, 1);
        CALL core_figure_move('VISITED_6M',
                OLD.visited_on IS NOT NULL AND OLD.month_offset = 6 AND OLD.business IS NOT NULL, OLD.kabkota_code, OLD.kecamatan_code, OLD.visited_on - INTERVAL (DAYOFMONTH(OLD.visited_on) - 1) DAY, 1,
                NEW.visited_on IS NOT NULL AND NEW.month_offset = 6 AND NEW.business IS NOT NULL, NEW.kabkota_code, NEW.kecamatan_code, NEW.visited_on - INTERVAL (DAYOFMONTH(NEW.visited_on) - 1) DAY, 1);
        CALL core_figure_move('RUNNING_6M',
                OLD.visited_on IS NOT NULL AND OLD.month_offset = 6 AND OLD.business IN ('RUNNING', 'PARTLY'), OLD.kabkota_code, OLD.kecamatan_code, OLD.visited_on - INTERVAL (DAYOFMONTH(OLD.visited_on) - 1) DAY, 1,
                NEW.visited_on IS NOT NULL AND NEW.month_offset = 6 AND NEW.business IN ('RUNNING', 'PARTLY'), NEW.kabkota_code, NEW.kecamatan_code, NEW.visited_on - INTERVAL (DAYOFMONTH(NEW.visited_on) - 1) DAY, 1);
        CALL core_figure_move('VISITED_12M',
                OLD.visited_on IS NOT NULL AND OLD.month_offset = 12 AND OLD.business IS NOT NULL, OLD.kabkota_code, OLD.kecamatan_code, OLD.visited_on - INTERVAL (DAYOFMONTH(OLD.visited_on) - 1) DAY, 1,
                NEW.visited_on IS NOT NULL AND NEW.month_offset = 12 AND NEW.business IS NOT NULL, NEW.kabkota_code, NEW.kecamatan_code, NEW.visited_on - INTERVAL (DAYOFMONTH(NEW.visited_on) - 1) DAY, 1);
        CALL core_figure_move('RUNNING_12M',
                OLD.visited_on IS NOT NULL AND OLD.month_offset = 12 AND OLD.business IN ('RUNNING', 'PARTLY'), OLD.kabkota_code, OLD.kecamatan_code, OLD.visited_on - INTERVAL (DAYOFMONTH(OLD.visited_on) - 1) DAY, 1,
                NEW.visited_on IS NOT NULL AND NEW.month_offset = 12 AND NEW.business IN ('RUNNING', 'PARTLY'), NEW.kabkota_code, NEW.kecamatan_code, NEW.visited_on - INTERVAL (DAYOFMONTH(NEW.visited_on) - 1) DAY, 1);
    END IF;
END//

CREATE TRIGGER monitoring_visit_figures_delete AFTER DELETE ON monitoring_visit FOR EACH ROW
BEGIN
    CALL core_figure_move('VISITS_BY_DUE_MONTH',
            TRUE, OLD.kabkota_code, OLD.kecamatan_code, OLD.due_on - INTERVAL (DAYOFMONTH(OLD.due_on) - 1) DAY, 1,
            FALSE, NULL, NULL, NULL, 0);
    CALL core_figure_move('VISITS_BY_DUE_MONTH_DONE',
            OLD.done, OLD.kabkota_code, OLD.kecamatan_code, OLD.due_on - INTERVAL (DAYOFMONTH(OLD.due_on) - 1) DAY, 1,
            FALSE, NULL, NULL, NULL, 0);
    CALL core_figure_move('VISITS_DONE',
            OLD.visited_on IS NOT NULL, OLD.kabkota_code, OLD.kecamatan_code, OLD.visited_on - INTERVAL (DAYOFMONTH(OLD.visited_on) - 1) DAY, 1,
            FALSE, NULL, NULL, NULL, 0);
    CALL core_figure_move('VISITED_6M',
            OLD.visited_on IS NOT NULL AND OLD.month_offset = 6 AND OLD.business IS NOT NULL, OLD.kabkota_code, OLD.kecamatan_code, OLD.visited_on - INTERVAL (DAYOFMONTH(OLD.visited_on) - 1) DAY, 1,
            FALSE, NULL, NULL, NULL, 0);
    CALL core_figure_move('RUNNING_6M',
            OLD.visited_on IS NOT NULL AND OLD.month_offset = 6 AND OLD.business IN ('RUNNING', 'PARTLY'), OLD.kabkota_code, OLD.kecamatan_code, OLD.visited_on - INTERVAL (DAYOFMONTH(OLD.visited_on) - 1) DAY, 1,
            FALSE, NULL, NULL, NULL, 0);
    CALL core_figure_move('VISITED_12M',
            OLD.visited_on IS NOT NULL AND OLD.month_offset = 12 AND OLD.business IS NOT NULL, OLD.kabkota_code, OLD.kecamatan_code, OLD.visited_on - INTERVAL (DAYOFMONTH(OLD.visited_on) - 1) DAY, 1,
            FALSE, NULL, NULL, NULL, 0);
    CALL core_figure_move('RUNNING_12M',
            OLD.visited_on IS NOT NULL AND OLD.month_offset = 12 AND OLD.business IN ('RUNNING', 'PARTLY'), OLD.kabkota_code, OLD.kecamatan_code, OLD.visited_on - INTERVAL (DAYOFMONTH(OLD.visited_on) - 1) DAY, 1,
            FALSE, NULL, NULL, NULL, 0);
END//

DELIMITER ;

-- The counts of the visits that exist already.
INSERT INTO core_figure_count (figure, kabkota_code, kecamatan_code, month, n)
SELECT figure, kabkota_code, kecamatan_code, month, SUM(n) FROM core_figure_source
WHERE figure IN ('VISITS_DONE', 'VISITED_6M', 'RUNNING_6M', 'VISITED_12M', 'RUNNING_12M')
GROUP BY figure, kabkota_code, kecamatan_code, month;
