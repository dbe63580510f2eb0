-- Grants, bantuan stimulan (modules/grants): the unit-price catalogue and the per-person maximum
-- per budget year, ceilings (pagu) per kabupaten/kota and year, proposals (usulan) with their
-- items and history, and eligibility exemptions. Tables owned by the grants module carry the
-- grants_ prefix. District-owned rows carry kabkota_code, the column the district scope filters
-- on. No table here holds a NIK, a PPKS category or an address of a person: a proposal names
-- the register's id and the person's name. Money is in whole rupiah (BIGINT).

CREATE TABLE grants_catalogue_item (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    budget_year SMALLINT     NOT NULL,
    name        VARCHAR(150) NOT NULL,
    item_group  ENUM ('LIVESTOCK', 'FEED', 'HOUSING', 'TOOLS', 'STOCK_GOODS') NOT NULL,
    unit        ENUM ('EKOR', 'PAKET', 'UNIT', 'KG', 'SAK') NOT NULL,
    unit_price  BIGINT       NOT NULL COMMENT 'rupiah',
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    updated_by  VARCHAR(64)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL DEFAULT UTC_TIMESTAMP(6),
    version     INT          NOT NULL DEFAULT 1,
    UNIQUE KEY uk_grants_catalogue_item (budget_year, name),
    CONSTRAINT ck_grants_catalogue_item_price CHECK (unit_price > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Unit-price catalogue (katalog harga satuan) per budget year; a provincial list';

CREATE TABLE grants_budget_year (
    budget_year    SMALLINT    NOT NULL PRIMARY KEY,
    per_person_max BIGINT      NOT NULL DEFAULT 5000000 COMMENT 'rupiah; a year without a row has the default',
    updated_by     VARCHAR(64) NOT NULL,
    updated_at     DATETIME(6) NOT NULL DEFAULT UTC_TIMESTAMP(6),
    version        INT         NOT NULL DEFAULT 1,
    CONSTRAINT ck_grants_budget_year_max CHECK (per_person_max > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Settings of a budget year (tahun anggaran): the maximum per person; a provincial list';

CREATE TABLE grants_ceiling (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kabkota_code CHAR(5)     NOT NULL,
    budget_year  SMALLINT    NOT NULL,
    pagu         BIGINT      NOT NULL COMMENT 'rupiah',
    updated_by   VARCHAR(64) NOT NULL,
    updated_at   DATETIME(6) NOT NULL DEFAULT UTC_TIMESTAMP(6),
    version      INT         NOT NULL DEFAULT 1,
    UNIQUE KEY uk_grants_ceiling (kabkota_code, budget_year),
    CONSTRAINT fk_grants_ceiling_kabkota FOREIGN KEY (kabkota_code) REFERENCES region_kabkota (code),
    CONSTRAINT ck_grants_ceiling_pagu CHECK (pagu >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Ceiling (pagu) per kabupaten/kota and budget year; an approval locks its row (SELECT ... FOR UPDATE)';

CREATE TABLE grants_proposal (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kabkota_code        CHAR(5)       NOT NULL COMMENT 'the beneficiary''s',
    budget_year         SMALLINT      NOT NULL,
    beneficiary_id      BIGINT        NOT NULL COMMENT 'the register''s id; nothing else of the register is copied but the name',
    beneficiary_name    VARCHAR(150)  NOT NULL,
    business_type       ENUM ('GOAT_SHEEP', 'CATTLE', 'POULTRY', 'FISH', 'GROCERY_STALL', 'FOOD_STALL', 'FOOD_PROCESSING',
                              'SEWING', 'SALON', 'WORKSHOP', 'OTHER') NOT NULL,
    business_plan       VARCHAR(2000) NOT NULL,
    location            VARCHAR(300)  NOT NULL,
    state               ENUM ('DRAFT', 'SUBMITTED', 'DISTRICT_APPROVED', 'PROVINCE_APPROVED', 'HANDED_OVER', 'REJECTED',
                              'WITHDRAWN') NOT NULL DEFAULT 'DRAFT',
    total               BIGINT        NOT NULL DEFAULT 0 COMMENT 'rupiah: the items at their prices',
    last_reason         VARCHAR(500)  NULL COMMENT 'of the last return, rejection or withdrawal',
    returns             INT           NOT NULL DEFAULT 0 COMMENT 'how often it was returned for revision',
    waiting_since       DATETIME(6)   NULL COMMENT 'when it entered its current review step (the inbox orders by it)',
    created_by          VARCHAR(64)   NOT NULL,
    created_at          DATETIME(6)   NOT NULL DEFAULT UTC_TIMESTAMP(6),
    submitted_by        VARCHAR(64)   NULL,
    submitted_at        DATETIME(6)   NULL,
    district_decided_by VARCHAR(64)   NULL,
    district_decided_at DATETIME(6)   NULL,
    province_decided_by VARCHAR(64)   NULL,
    province_decided_at DATETIME(6)   NULL,
    handed_over_at      DATETIME(6)   NULL,
    updated_at          DATETIME(6)   NOT NULL DEFAULT UTC_TIMESTAMP(6),
    version             INT           NOT NULL DEFAULT 1,
    UNIQUE KEY uk_grants_proposal_person (beneficiary_id, budget_year),
    KEY ix_grants_proposal_inbox (state, kabkota_code, waiting_since, id),
    KEY ix_grants_proposal_budget (kabkota_code, budget_year, state, total),
    CONSTRAINT fk_grants_proposal_kabkota FOREIGN KEY (kabkota_code) REFERENCES region_kabkota (code),
    CONSTRAINT ck_grants_proposal_total CHECK (total >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Proposals (usulan), one per beneficiary and budget year, with who and when of each step';

CREATE TABLE grants_proposal_item (
    id                BIGINT  NOT NULL AUTO_INCREMENT PRIMARY KEY,
    proposal_id       BIGINT  NOT NULL,
    kabkota_code      CHAR(5) NOT NULL COMMENT 'the proposal''s',
    catalogue_item_id BIGINT  NOT NULL,
    quantity          INT     NOT NULL,
    unit_price        BIGINT  NOT NULL COMMENT 'rupiah: the catalogue''s when saved, copied again at the district''s approval and frozen from then',
    version           INT     NOT NULL DEFAULT 1,
    UNIQUE KEY uk_grants_proposal_item (proposal_id, catalogue_item_id),
    CONSTRAINT fk_grants_proposal_item_proposal FOREIGN KEY (proposal_id) REFERENCES grants_proposal (id),
    CONSTRAINT fk_grants_proposal_item_catalogue FOREIGN KEY (catalogue_item_id) REFERENCES grants_catalogue_item (id),
    CONSTRAINT ck_grants_proposal_item_quantity CHECK (quantity > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Items of a proposal: a catalogue item and a quantity';

CREATE TABLE grants_proposal_history (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    proposal_id  BIGINT       NOT NULL,
    kabkota_code CHAR(5)      NOT NULL COMMENT 'the proposal''s',
    from_state   VARCHAR(20)  NULL COMMENT 'NULL for the creation',
    to_state     VARCHAR(20)  NOT NULL,
    actor        VARCHAR(64)  NOT NULL,
    actor_name   VARCHAR(150) NOT NULL,
    at           DATETIME(6)  NOT NULL,
    reason       VARCHAR(500) NULL,
    KEY ix_grants_proposal_history (proposal_id, id),
    CONSTRAINT fk_grants_proposal_history_proposal FOREIGN KEY (proposal_id) REFERENCES grants_proposal (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Every transition of a proposal: who, when and why (append-only)';

CREATE TABLE grants_exemption (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kabkota_code   CHAR(5)      NOT NULL COMMENT 'the beneficiary''s',
    beneficiary_id BIGINT       NOT NULL,
    budget_year    SMALLINT     NOT NULL,
    reason         VARCHAR(500) NOT NULL,
    granted_by     VARCHAR(64)  NOT NULL,
    granted_at     DATETIME(6)  NOT NULL,
    version        INT          NOT NULL DEFAULT 1,
    UNIQUE KEY uk_grants_exemption (beneficiary_id, budget_year),
    CONSTRAINT fk_grants_exemption_kabkota FOREIGN KEY (kabkota_code) REFERENCES region_kabkota (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Eligibility exemptions recorded by the province: a person may propose without a completed training';
