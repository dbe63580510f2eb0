-- The events list (/pelatihan, EventRepository.list) shows at most 500 events, newest first
-- (start_date DESC, id DESC), filtered by the district scope, budget year and status. Without an
-- index in that order every call read and sorted all matching events (20,000 for a provincial
-- officer: docs/benchmarks.md, "Training at scale"). With these, it reads the first 500 entries
-- of one index backwards. (budget_year, start_date, id) replaces (budget_year, id).
ALTER TABLE training_event
    ADD KEY ix_training_event_newest (start_date, id),
    ADD KEY ix_training_event_district_newest (kabkota_code, start_date, id),
    ADD KEY ix_training_event_year_newest (budget_year, start_date, id),
    ADD KEY ix_training_event_status_newest (status, start_date, id),
    DROP KEY ix_training_event_year;

-- Each listed event's count of enrolled participants (a subquery per row, district-scoped) from
-- this index alone, without reading the participant rows.
ALTER TABLE training_participant
    ADD KEY ix_training_participant_enrolled (event_id, status, kabkota_code);
