-- A refusal to show another district's record (SCOPE_DENIED) belongs to the district of the user
-- who asked, and is also shown to the district whose record was asked for: that second district
-- is kept here, and the audit trail's district scope matches either column.
ALTER TABLE audit_event
    ADD COLUMN subject_kabkota_code CHAR(5) NULL
        COMMENT 'second district that sees the event: the one whose record was probed (SCOPE_DENIED)' AFTER kabkota_code,
    ADD KEY ix_audit_subject_kabkota_time (subject_kabkota_code, occurred_at);
