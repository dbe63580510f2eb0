-- Demo accounts are marked in the database instead of being recognised by their names: a real
-- user who happens to be called "operator.pekalongan" is no demo account, and an account that a
-- demo run created is one whatever it is called.
ALTER TABLE app_user
    ADD COLUMN demo BOOLEAN NOT NULL DEFAULT FALSE
        COMMENT 'created by a demo run (published or throw-away password): usable only under the demo profile'
        AFTER enabled;

-- The accounts that earlier demo runs created: the demo seeding audited each one with "demo": true.
UPDATE app_user u
SET u.demo = TRUE
WHERE EXISTS (SELECT 1
              FROM audit_event a
              WHERE a.action = 'USER_CREATED'
                AND a.entity_type = 'USER'
                AND a.entity_id = CAST(u.id AS CHAR) COLLATE utf8mb4_unicode_ci
                AND JSON_CONTAINS(a.new_value, 'true', '$.demo') = 1);
