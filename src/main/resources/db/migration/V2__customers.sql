-- Customers, products and subscriptions. Runs on DuckDB and PostgreSQL.
--
-- Personal data (national id, birth date, street address) is stored only encrypted (AES-256-GCM,
-- base64 text, see dev.switchboard.customer.FieldCipher). national_id_index is a keyed HMAC of the
-- normalised national id: it lets an import find the customer it updates without decrypting every
-- row, and reveals nothing without the key. No age, birth year or age band is stored in clear.
--
-- No FOREIGN KEY clauses: DuckDB rewrites an UPDATE of an indexed column of a referenced row as a
-- delete and an insert and then refuses it as a foreign-key violation. CustomerStore keeps the
-- references in one transaction per change instead.
CREATE SEQUENCE customer_id_seq START 1;

CREATE TABLE customer (
    id                BIGINT      PRIMARY KEY DEFAULT nextval('customer_id_seq'),
    name              VARCHAR     NOT NULL,
    national_id_enc   VARCHAR     NOT NULL,
    national_id_index VARCHAR     NOT NULL UNIQUE,
    birth_date_enc    VARCHAR     NOT NULL,
    address_enc       VARCHAR     NOT NULL,
    sex               VARCHAR     NOT NULL,
    city              VARCHAR     NOT NULL,
    operator          VARCHAR,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);

CREATE INDEX customer_city ON customer (city);

-- One row per phone number (E.164); a number belongs to one customer at a time.
CREATE TABLE customer_phone (
    number      VARCHAR PRIMARY KEY,
    customer_id BIGINT  NOT NULL
);

CREATE INDEX customer_phone_customer ON customer_phone (customer_id);

CREATE TABLE product (
    code        VARCHAR        PRIMARY KEY,
    name        VARCHAR        NOT NULL,
    category    VARCHAR        NOT NULL,
    monthly_fee DECIMAL(12, 2) NOT NULL
);

-- The catalogue the call simulator and the generators refer to by code.
INSERT INTO product (code, name, category, monthly_fee) VALUES
    ('MOBILE_BASIC',     'Mobile Basic',       'MOBILE',   15.00),
    ('MOBILE_UNLIMITED', 'Mobile Unlimited',   'MOBILE',   45.00),
    ('FIBER_100',        'Fiber 100 Mbit/s',   'INTERNET', 30.00),
    ('FIBER_1000',       'Fiber 1 Gbit/s',     'INTERNET', 55.00),
    ('TV',               'TV Essentials',      'TV',       20.00),
    ('IPTV',             'IPTV Premium',       'TV',       35.00);

-- A subscription is current on a day D when since <= D and (until is null or D < until).
CREATE TABLE subscription (
    customer_id  BIGINT  NOT NULL,
    product_code VARCHAR NOT NULL,
    since        DATE    NOT NULL,
    until        DATE,
    PRIMARY KEY (customer_id, product_code, since)
);
