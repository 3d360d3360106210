-- DropIndex
DROP INDEX "AuditLog_at_idx";

-- DropIndex
DROP INDEX "AuditLog_action_at_idx";

-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "actorRoles" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "hash" TEXT,
ADD COLUMN     "requestId" TEXT,
ADD COLUMN     "seq" BIGINT,
ALTER COLUMN "at" SET DATA TYPE TIMESTAMPTZ(3) USING "at" AT TIME ZONE 'UTC';

-- CreateTable
CREATE TABLE "AuditChain" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "lastSeq" BIGINT NOT NULL DEFAULT 0,
    "lastHash" TEXT NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000',
    "anchorSeq" BIGINT NOT NULL DEFAULT 0,
    "anchorHash" TEXT NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000',
    "prunedCount" BIGINT NOT NULL DEFAULT 0,
    "prunedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditChain_pkey" PRIMARY KEY ("id")
);

-- Hand-written: the hash chain (issue 9 item 6). Function bodies are E'' strings with \073 for
-- each semicolon because the offline migration path splits scripts on every literal semicolon,
-- so no comment here may contain one either.
-- Stored times were UTC wall-clock in "timestamp": the USING above reads them as UTC.
ALTER TABLE "AuditLog" ALTER COLUMN "actorRoles" SET NOT NULL;
ALTER TABLE "AuditChain" ADD CONSTRAINT "AuditChain_single_row" CHECK (id = 1);

-- The canonical content of an entry, hashed with its predecessor's hash. jsonb text is
-- deterministic (keys sorted), the time is spelled in UTC whatever the session time zone.
-- lib/audit/chain.ts recomputes it through this same function.
CREATE OR REPLACE FUNCTION audit_entry_hash(prev text, e "AuditLog") RETURNS text LANGUAGE sql STABLE AS
E'SELECT encode(sha256(convert_to(prev || jsonb_build_array(
  (e).seq::text, (e).id::text, to_char((e).at AT TIME ZONE ''UTC'', ''YYYY-MM-DD"T"HH24:MI:SS.MS"Z"''),
  (e)."actorId", (e)."actorBadgeNo", (e)."actorName", to_jsonb((e)."actorRoles"),
  (e).action, (e)."targetType", (e)."targetId", (e).target, (e).ip, (e).outcome::text,
  (e)."requestId", (e).details)::text, ''UTF8'')), ''hex'')';

-- Existing entries are chained in id order.
ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_no_update_delete";
DO E'DECLARE
  r "AuditLog"%ROWTYPE\073
  prev text := ''0000000000000000000000000000000000000000000000000000000000000000''\073
  n bigint := 0\073
BEGIN
  UPDATE "AuditLog" a SET seq = o.rn FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM "AuditLog") o WHERE a.id = o.id\073
  FOR r IN SELECT * FROM "AuditLog" ORDER BY seq LOOP
    prev := audit_entry_hash(prev, r)\073
    UPDATE "AuditLog" SET hash = prev WHERE id = r.id\073
    n := r.seq\073
  END LOOP\073
  INSERT INTO "AuditChain" (id, "lastSeq", "lastHash") VALUES (1, n, prev)\073
END\073';
ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_no_update_delete";

-- On INSERT whatever the writer put in seq and hash is dropped.
CREATE OR REPLACE FUNCTION audit_log_seal() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN
  NEW.seq := NULL\073
  NEW.hash := NULL\073
  RETURN NEW\073
END\073';

CREATE TRIGGER "AuditLog_seal"
  BEFORE INSERT ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION audit_log_seal();

-- When the writing transaction commits, each of its new entries (in the order written) takes the
-- next gap-free seq and its hash under the lock of the head row. Deferred, so the lock is held
-- only from commit to commit end: a long transaction that audits early does not stall every
-- other writer, and no lock is taken after it (no deadlock with the domain's row locks).
-- A rolled-back transaction never reaches it, so it leaves no gap. SECURITY DEFINER: the app
-- role needs no UPDATE on "AuditLog" nor any grant on "AuditChain".
CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS
E'DECLARE
  head "AuditChain"%ROWTYPE\073
  r "AuditLog"%ROWTYPE\073
BEGIN
  SELECT * INTO head FROM "AuditChain" WHERE id = 1 FOR UPDATE\073
  IF NOT FOUND THEN
    RAISE EXCEPTION ''AuditChain head row is missing''\073
  END IF\073
  r := NEW\073
  r.seq := head."lastSeq" + 1\073
  r.hash := audit_entry_hash(head."lastHash", r)\073
  PERFORM set_config(''jingxin.audit_chain'', ''on'', true)\073
  UPDATE "AuditLog" SET seq = r.seq, hash = r.hash WHERE id = NEW.id\073
  PERFORM set_config(''jingxin.audit_chain'', ''off'', true)\073
  UPDATE "AuditChain" SET "lastSeq" = r.seq, "lastHash" = r.hash WHERE id = 1\073
  RETURN NULL\073
END\073';

CREATE CONSTRAINT TRIGGER "AuditLog_chain"
  AFTER INSERT ON "AuditLog"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION audit_log_chain();

-- Append-only, except two marked paths: the chaining above may fill seq and hash of an entry
-- not yet chained (only the writing transaction can see one), and audit_prune() may remove
-- entries older than 180 days.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN
  IF TG_OP = ''UPDATE'' THEN
    IF current_setting(''jingxin.audit_chain'', true) = ''on'' AND OLD.seq IS NULL THEN
      RETURN NEW\073
    END IF\073
  END IF\073
  IF TG_OP = ''DELETE'' THEN
    IF current_setting(''jingxin.audit_prune'', true) = ''on'' AND OLD.at < now() - interval ''180 days'' THEN
      RETURN OLD\073
    END IF\073
  END IF\073
  RAISE EXCEPTION ''AuditLog is append-only: % refused'', TG_OP USING ERRCODE = ''insufficient_privilege''\073
END\073';

-- Retention: removes the oldest entries (a prefix of the chain, never one younger than 180 days
-- whatever cutoff is asked for) and records the last removed entry as the anchor verification
-- starts from. SECURITY DEFINER so an app role without DELETE on "AuditLog" can run it.
CREATE OR REPLACE FUNCTION audit_prune(cutoff timestamptz) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS
E'DECLARE
  head "AuditChain"%ROWTYPE\073
  keep_from bigint\073
  last_seq bigint\073
  last_hash text\073
  n bigint\073
BEGIN
  cutoff := LEAST(cutoff, now() - interval ''180 days'')\073
  SELECT * INTO head FROM "AuditChain" WHERE id = 1 FOR UPDATE\073
  SELECT min(seq) INTO keep_from FROM "AuditLog" WHERE at >= cutoff\073
  SELECT seq, hash INTO last_seq, last_hash FROM "AuditLog"
    WHERE seq < COALESCE(keep_from, head."lastSeq" + 1) ORDER BY seq DESC LIMIT 1\073
  IF last_seq IS NULL THEN
    RETURN 0\073
  END IF\073
  PERFORM set_config(''jingxin.audit_prune'', ''on'', true)\073
  DELETE FROM "AuditLog" WHERE seq <= last_seq\073
  GET DIAGNOSTICS n = ROW_COUNT\073
  PERFORM set_config(''jingxin.audit_prune'', ''off'', true)\073
  UPDATE "AuditChain" SET "anchorSeq" = last_seq, "anchorHash" = last_hash,
    "prunedCount" = "prunedCount" + n, "prunedAt" = now() WHERE id = 1\073
  RETURN n\073
END\073';

-- The two SECURITY DEFINER functions resolve names in this schema only, with temporary tables
-- last, so a session cannot shadow "AuditChain" or "AuditLog" with a temporary table of its own.
DO E'BEGIN
  EXECUTE format(''ALTER FUNCTION audit_log_chain() SET search_path = %I, pg_temp'', current_schema())\073
  EXECUTE format(''ALTER FUNCTION audit_prune(timestamptz) SET search_path = %I, pg_temp'', current_schema())\073
END\073';

-- CreateIndex
CREATE UNIQUE INDEX "AuditLog_seq_key" ON "AuditLog"("seq");

-- CreateIndex
CREATE INDEX "AuditLog_at_seq_idx" ON "AuditLog"("at", "seq");

-- CreateIndex
CREATE INDEX "AuditLog_actorBadgeNo_at_seq_idx" ON "AuditLog"("actorBadgeNo", "at", "seq");

-- CreateIndex
CREATE INDEX "AuditLog_action_at_seq_idx" ON "AuditLog"("action" text_pattern_ops, "at", "seq");

-- CreateIndex
CREATE INDEX "AuditLog_outcome_at_seq_idx" ON "AuditLog"("outcome", "at", "seq");

