-- Grants, the approval inbox at scale (100,000 proposals): the province step lists the proposals of
-- every district waiting since the longest. ix_grants_proposal_inbox starts with the state and the
-- district, which serves a district head (and a province filter on one district) in order, but made
-- the province's first page sort every proposal waiting at its step (6,170 rows, "Using filesort")
-- and read each of them in full to check a business-type or amount filter. This index gives the
-- province's order (state, then waiting time, then id), and carries the filtered columns after it
-- so that those filters are checked in the index (index condition pushdown) before a row is read.
CREATE INDEX ix_grants_proposal_waiting ON grants_proposal (state, waiting_since, id, business_type, total);
