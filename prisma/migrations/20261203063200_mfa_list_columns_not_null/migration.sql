-- The second-factor columns are lists too: NOT NULL like every list column (see
-- 20261203063051_list_columns_not_null), so code may read .length of them.
UPDATE "Credential" SET "previousPasswordHashes" = '{}' WHERE "previousPasswordHashes" IS NULL;
ALTER TABLE "Credential" ALTER COLUMN "previousPasswordHashes" SET NOT NULL;
UPDATE "SecurityPolicy" SET "mfaRoles" = DEFAULT WHERE "mfaRoles" IS NULL;
ALTER TABLE "SecurityPolicy" ALTER COLUMN "mfaRoles" SET NOT NULL;
