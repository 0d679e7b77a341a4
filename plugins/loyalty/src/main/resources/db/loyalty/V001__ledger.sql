-- Loyalty points: an append-only ledger and what hangs off it. Kept to the SQL common to
-- SQLite and PostgreSQL: points and money are BIGINT (money in minor units of the shop
-- currency), instants BIGINT epoch milliseconds, dates ISO-8601 text in the shop zone.
-- Nothing here is ever updated or deleted except the one counter row in loyalty_state.

-- Counters. next_id numbers every row of the tables below that needs an id (one sequence:
-- ids only grow, gaps are harmless); expired_through is how far the expiry job has looked.
-- Writers lock the row (UPDATE) before reading it, so concurrent writers on PostgreSQL queue.
CREATE TABLE loyalty_state (
  name  TEXT   PRIMARY KEY,
  value BIGINT NOT NULL
);
INSERT INTO loyalty_state (name, value) VALUES ('next_id', 1);
INSERT INTO loyalty_state (name, value) VALUES ('expired_through', 0);

-- The ledger. Every change of a balance is one entry; the balance is the sum of a customer's
-- entries, and balance_after caches that sum as it stood after the entry (by id order).
CREATE TABLE loyalty_entries (
  id              BIGINT PRIMARY KEY,
  customer_id     TEXT   NOT NULL,
  kind            TEXT   NOT NULL CHECK (kind IN ('earn', 'redeem', 'expire', 'reverse', 'adjust')),
  points          BIGINT NOT NULL,          -- signed: what this entry added to the balance
  balance_after   BIGINT NOT NULL,
  occurred_at     BIGINT NOT NULL,          -- order placed, refund made, lot expired, request served
  recorded_at     BIGINT NOT NULL,          -- when the entry was written
  idempotency_key TEXT   NOT NULL,          -- earn:<order>, refund:<refund>, expire:<lot>, redeem:<key>, ...
  order_id        TEXT,                     -- earn and reverse: the order
  refund_id       TEXT,                     -- reverse: the refund
  actor           TEXT,                     -- redeem and adjust: the staff user or token that asked
  reason          TEXT,                     -- redeem and adjust: why, as the staff member wrote it
  amount_minor    BIGINT,                   -- earn: the order amount; reverse: the refund amount
  detail          TEXT,                     -- how the points were computed, for the statement
  CONSTRAINT loyalty_entries_key UNIQUE (idempotency_key)
);
-- An order earns at most once, whatever is replayed or re-imported.
CREATE UNIQUE INDEX loyalty_entries_one_earn_per_order ON loyalty_entries (order_id) WHERE kind = 'earn';
CREATE INDEX loyalty_entries_by_customer ON loyalty_entries (customer_id, id);
CREATE INDEX loyalty_entries_by_kind_time ON loyalty_entries (kind, occurred_at);

-- Lots: each credit (an earning, a positive adjustment) is a lot that expires on its own date.
CREATE TABLE loyalty_lots (
  entry_id    BIGINT PRIMARY KEY,           -- the crediting entry
  customer_id TEXT   NOT NULL,
  points      BIGINT NOT NULL CHECK (points > 0),
  earned_at   BIGINT NOT NULL,
  expires_at  BIGINT                        -- null: never expires
);
CREATE INDEX loyalty_lots_by_customer ON loyalty_lots (customer_id, expires_at);
CREATE INDEX loyalty_lots_by_expiry ON loyalty_lots (expires_at);

-- Which lots each debit took its points from. A lot's remaining points are its points less its
-- uses, so nothing is updated in place and a lot can never give more than it holds.
CREATE TABLE loyalty_lot_uses (
  entry_id    BIGINT NOT NULL,              -- the debit (redeem, expire, reverse, adjust)
  lot_id      BIGINT NOT NULL,
  customer_id TEXT   NOT NULL,
  points      BIGINT NOT NULL CHECK (points > 0),
  used_at     BIGINT NOT NULL,
  PRIMARY KEY (entry_id, lot_id)
);
CREATE INDEX loyalty_lot_uses_by_lot ON loyalty_lot_uses (lot_id);

-- One row per refund handled: how many of the order's points it reversed and from where.
CREATE TABLE loyalty_reversals (
  refund_id    TEXT   PRIMARY KEY,
  order_id     TEXT   NOT NULL,
  customer_id  TEXT   NOT NULL,
  entry_id     BIGINT,                      -- the reverse entry; null when the share was 0
  earned       BIGINT NOT NULL,             -- what the order earned
  share        BIGINT NOT NULL,             -- this refund's part of it (cumulative rounding)
  from_order   BIGINT NOT NULL,             -- taken from the order's own unspent points
  forgiven     BIGINT NOT NULL,             -- the order's points that had already expired: not taken twice
  from_balance BIGINT NOT NULL,             -- taken from the customer's other points
  deferred     BIGINT NOT NULL,             -- already spent and not covered: a debt
  refund_minor BIGINT NOT NULL,
  created_at   BIGINT NOT NULL
);
CREATE INDEX loyalty_reversals_by_order ON loyalty_reversals (order_id);

-- Points a refund should have taken back but the customer had already spent. Future credits pay
-- them off first. policy negative: the reverse entry already took them (the balance went below
-- zero); policy clamp: they are taken by new reverse entries as credits arrive.
CREATE TABLE loyalty_debts (
  id          BIGINT PRIMARY KEY,           -- the reverse entry that left the debt
  customer_id TEXT   NOT NULL,
  order_id    TEXT   NOT NULL,
  refund_id   TEXT   NOT NULL,
  policy      TEXT   NOT NULL CHECK (policy IN ('negative', 'clamp')),
  points      BIGINT NOT NULL CHECK (points > 0),
  created_at  BIGINT NOT NULL
);
CREATE INDEX loyalty_debts_by_customer ON loyalty_debts (customer_id);

CREATE TABLE loyalty_debt_payments (
  debt_id     BIGINT NOT NULL,
  lot_id      BIGINT NOT NULL,              -- the credit that paid
  entry_id    BIGINT,                       -- clamp: the reverse entry that took the points; negative: null
  customer_id TEXT   NOT NULL,
  points      BIGINT NOT NULL CHECK (points > 0),
  paid_at     BIGINT NOT NULL,
  PRIMARY KEY (debt_id, lot_id)
);

-- Tier history: the current tier is a customer's latest row (none: the lowest tier).
CREATE TABLE loyalty_tier_changes (
  id            BIGINT PRIMARY KEY,
  customer_id   TEXT   NOT NULL,
  tier          TEXT   NOT NULL,
  previous_tier TEXT   NOT NULL,
  reason        TEXT   NOT NULL CHECK (reason IN ('upgrade', 'review')),
  basis         TEXT   NOT NULL CHECK (basis IN ('spend', 'points')),
  qualifying    BIGINT NOT NULL,            -- spend in minor units, or points, over the window
  changed_at    BIGINT NOT NULL
);
CREATE INDEX loyalty_tier_changes_by_customer ON loyalty_tier_changes (customer_id, id);

-- Tier reviews done, one per review date, so a review runs once even if the job runs twice.
CREATE TABLE loyalty_tier_reviews (
  review_date TEXT   PRIMARY KEY,
  ran_at      BIGINT NOT NULL,
  customers   BIGINT NOT NULL,
  changed     BIGINT NOT NULL
);
