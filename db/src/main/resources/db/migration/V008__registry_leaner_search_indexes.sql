-- Registry: fewer and cheaper search indexes, for registration and import at a million people
-- (issue #3; figures in docs/benchmarks.md, "Import").
--
-- 1. Name tokens were clustered by (kabkota_code, token, beneficiary_id) and had two more
--    indexes, (token, beneficiary_id) and (beneficiary_id): three B-trees of three million entries
--    at a million people, two of them written at random places by every registration and import.
--    Now the table is clustered by (beneficiary_id, token), to which new people only append, and
--    searched through one index (kabkota_code, token). A province-wide search names the districts
--    (kabkota_code IN (...)), which the same index answers with one range per district.
-- 2. The list's name order is (normalised name, birth date, id), so that one index serves both the
--    order and the possible-duplicate lookup (same normalised name and birth date); the separate
--    index (name_key, birth_date) is gone.
-- 3. Normalised names and tokens (lower case, no accents) and the NIK and KK numbers (digits) are
--    compared as bytes: in every index they are part of, the Unicode collation cost more than the
--    comparison it made.

ALTER TABLE registry_name_token
    DROP FOREIGN KEY fk_registry_name_token_beneficiary;

ALTER TABLE registry_name_token
    DROP PRIMARY KEY,
    DROP INDEX ix_registry_name_token_all,
    DROP INDEX ix_registry_name_token_beneficiary,
    MODIFY token VARCHAR(60) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL
        COMMENT 'one word of name_key, for word-prefix search',
    ADD PRIMARY KEY (beneficiary_id, token),
    ADD KEY ix_registry_name_token_search (kabkota_code, token);

ALTER TABLE registry_name_token
    ADD CONSTRAINT fk_registry_name_token_beneficiary FOREIGN KEY (beneficiary_id)
        REFERENCES registry_beneficiary (id) ON DELETE CASCADE;

ALTER TABLE registry_beneficiary
    DROP INDEX ix_registry_beneficiary_similar,
    DROP INDEX ix_registry_beneficiary_name_all,
    DROP INDEX ix_registry_beneficiary_name,
    MODIFY nik CHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'unique province-wide',
    MODIFY kk_number CHAR(16) CHARACTER SET ascii COLLATE ascii_bin NULL,
    MODIFY name_key VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL
        COMMENT 'normalised name: lower case, no accents or punctuation, single spaces',
    ADD KEY ix_registry_beneficiary_name (kabkota_code, name_key, birth_date, id),
    ADD KEY ix_registry_beneficiary_name_all (name_key, birth_date, id);
