-- Reference-data cache invalidation (lib/cache/reference.ts). Any statement that writes one of these
-- tables announces "t:<table>" on the session cache's channel `jingxin_auth` when its transaction
-- commits, and each app instance drops what it kept of that table. Statement-level: one notice per
-- statement, however many rows. The body is an E'' string with \073 for each semicolon
-- (docs/decisions/0001): the migration engine splits statements on them.
CREATE FUNCTION "jingxin_notify_table_change"() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN PERFORM pg_notify(''jingxin_auth'', ''t:'' || TG_TABLE_NAME)\073 RETURN NULL\073 END\073';

CREATE TRIGGER "TrainingCategory_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "TrainingCategory"
  FOR EACH STATEMENT EXECUTE FUNCTION "jingxin_notify_table_change"();
CREATE TRIGGER "TrainingRequirement_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "TrainingRequirement"
  FOR EACH STATEMENT EXECUTE FUNCTION "jingxin_notify_table_change"();
CREATE TRIGGER "MedicalService_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "MedicalService"
  FOR EACH STATEMENT EXECUTE FUNCTION "jingxin_notify_table_change"();
CREATE TRIGGER "MedicalHospital_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "MedicalHospital"
  FOR EACH STATEMENT EXECUTE FUNCTION "jingxin_notify_table_change"();
