-- Session cache invalidation (lib/auth/session-cache.ts). Every change that can end or alter a
-- signed-in session — revoke, idle touch, disable, role/unit/name change, password or second-factor
-- change, unit rename or move, security policy — announces itself on the channel `jingxin_auth`
-- when its transaction commits, whatever code (or person with psql) made it. Each app instance
-- LISTENs and drops what it cached, so a revocation is seen by the next request on any instance.
-- Payloads: "s:<sessionId>", "u:<userId>", "*" (everything).
-- The body is an E'' string with \073 for each semicolon (docs/decisions/0001): the migration
-- engine splits statements on them.
CREATE FUNCTION "jingxin_notify_auth_change"() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN IF TG_TABLE_NAME = ''AuthSession'' THEN PERFORM pg_notify(''jingxin_auth'', ''s:'' || CASE WHEN TG_OP = ''DELETE'' THEN OLD."id" ELSE NEW."id" END)\073 ELSIF TG_TABLE_NAME = ''User'' THEN PERFORM pg_notify(''jingxin_auth'', ''u:'' || CASE WHEN TG_OP = ''DELETE'' THEN OLD."id" ELSE NEW."id" END)\073 ELSIF TG_TABLE_NAME = ''Credential'' THEN PERFORM pg_notify(''jingxin_auth'', ''u:'' || CASE WHEN TG_OP = ''DELETE'' THEN OLD."userId" ELSE NEW."userId" END)\073 ELSE PERFORM pg_notify(''jingxin_auth'', ''*'')\073 END IF\073 RETURN NULL\073 END\073';

CREATE TRIGGER "AuthSession_notify_change" AFTER UPDATE OR DELETE ON "AuthSession"
  FOR EACH ROW EXECUTE FUNCTION "jingxin_notify_auth_change"();
CREATE TRIGGER "User_notify_change" AFTER UPDATE OR DELETE ON "User"
  FOR EACH ROW EXECUTE FUNCTION "jingxin_notify_auth_change"();
CREATE TRIGGER "Credential_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "Credential"
  FOR EACH ROW EXECUTE FUNCTION "jingxin_notify_auth_change"();
CREATE TRIGGER "Unit_notify_change" AFTER UPDATE OR DELETE ON "Unit"
  FOR EACH STATEMENT EXECUTE FUNCTION "jingxin_notify_auth_change"();
CREATE TRIGGER "SecurityPolicy_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "SecurityPolicy"
  FOR EACH STATEMENT EXECUTE FUNCTION "jingxin_notify_auth_change"();
