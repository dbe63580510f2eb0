-- Registry: a NIK found registered in another district is answered only with "already
-- registered; contact the provincial office", audited as a keyed hash (HMAC-SHA256) of the NIK,
-- and counted per user and day (WIB) against a daily limit. The NIKs a user met that day are
-- kept as hashes only, so that the same NIK met twice counts once. Rows of past days are not
-- needed by the application.

CREATE TABLE registry_nik_lookup_day (
    username VARCHAR(64) NOT NULL,
    day      DATE        NOT NULL COMMENT 'calendar day in WIB',
    matches  INT         NOT NULL DEFAULT 0 COMMENT 'distinct foreign NIKs answered; above the limit: refused for the rest of the day',
    PRIMARY KEY (username, day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Foreign-NIK matches per user and day; changed only by guarded UPDATEs under this row''s lock (no version column)';

CREATE TABLE registry_nik_lookup_hash (
    username VARCHAR(64) NOT NULL,
    day      DATE        NOT NULL,
    nik_hash CHAR(32)    NOT NULL COMMENT 'first 128 bits of HMAC-SHA256(key, NIK), hex',
    PRIMARY KEY (username, day, nik_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'The foreign NIKs a user met on a day, as keyed hashes; rows are only inserted';

-- The key of the NIK hashes: drawn once by the database, never shown or exported. It lets the
-- province recognise the same NIK across events and restarts, and makes the 16-digit NIK space
-- (structured: region, birth date, serial) unsearchable for anyone who has only the audit trail.
CREATE TABLE registry_nik_hash_key (
    id       TINYINT        NOT NULL PRIMARY KEY,
    hash_key VARBINARY(32)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Secret key of the NIK hashes in the audit trail (one row)';

INSERT INTO registry_nik_hash_key (id, hash_key) VALUES (1, RANDOM_BYTES(32));
