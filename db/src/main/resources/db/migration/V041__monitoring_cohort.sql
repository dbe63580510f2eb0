-- The chart "business running by cohort" reads counts kept in the transaction of each visit
-- (like monitoring_tally), per kecamatan and handover quarter, instead of joining the 6- and
-- 12-month visits to their follow-ups per request. Filled here from the visits recorded so far.

CREATE TABLE monitoring_cohort (
    id             BIGINT  NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kabkota_code   CHAR(5) NOT NULL,
    kecamatan_code CHAR(8) NOT NULL,
    handed_quarter DATE    NOT NULL COMMENT 'first day of the quarter of the handover',
    visited_6m     INT     NOT NULL DEFAULT 0 COMMENT 'people met at their 6-month visit',
    running_6m     INT     NOT NULL DEFAULT 0 COMMENT 'of those, the business running fully or partly',
    visited_12m    INT     NOT NULL DEFAULT 0,
    running_12m    INT     NOT NULL DEFAULT 0,
    UNIQUE KEY uk_monitoring_cohort (kabkota_code, handed_quarter, kecamatan_code),
    KEY ix_monitoring_cohort_quarter (handed_quarter, kabkota_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Cohort counts per kecamatan and handover quarter (6/12-month visits met and running), kept in the transaction of the visit';

INSERT INTO monitoring_cohort (kabkota_code, kecamatan_code, handed_quarter, visited_6m, running_6m, visited_12m, running_12m)
SELECT c.kabkota_code, c.kecamatan_code,
       MAKEDATE(YEAR(c.handed_on), 1) + INTERVAL (QUARTER(c.handed_on) - 1) QUARTER,
       SUM(v.month_offset = 6), SUM(v.month_offset = 6 AND v.business <> 'STOPPED'),
       SUM(v.month_offset = 12), SUM(v.month_offset = 12 AND v.business <> 'STOPPED')
FROM monitoring_visit v
JOIN monitoring_case c ON c.id = v.case_id
WHERE v.done AND v.person_met AND v.month_offset IN (6, 12)
GROUP BY c.kabkota_code, c.kecamatan_code, MAKEDATE(YEAR(c.handed_on), 1) + INTERVAL (QUARTER(c.handed_on) - 1) QUARTER;
