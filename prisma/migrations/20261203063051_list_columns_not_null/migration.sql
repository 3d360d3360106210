-- List columns are never NULL: Prisma types them as arrays and the code reads .length, but
-- Prisma cannot declare NOT NULL on a list, and a row written without the field (the demo seed
-- did) was NULL. Default, backfill, then NOT NULL (the drift test checks every list column).

-- AlterTable
ALTER TABLE "User" ALTER COLUMN "roles" SET DEFAULT ARRAY[]::"Role"[];

-- AlterTable
ALTER TABLE "TrainingSession" ALTER COLUMN "audienceUnitIds" SET DEFAULT ARRAY[]::TEXT[],
ALTER COLUMN "audienceRoles" SET DEFAULT ARRAY[]::"Role"[];

UPDATE "User" SET "roles" = ARRAY[]::"Role"[] WHERE "roles" IS NULL;
UPDATE "TrainingSession" SET "audienceUnitIds" = ARRAY[]::TEXT[] WHERE "audienceUnitIds" IS NULL;
UPDATE "TrainingSession" SET "audienceRoles" = ARRAY[]::"Role"[] WHERE "audienceRoles" IS NULL;

ALTER TABLE "User" ALTER COLUMN "roles" SET NOT NULL;
ALTER TABLE "TrainingSession" ALTER COLUMN "audienceUnitIds" SET NOT NULL, ALTER COLUMN "audienceRoles" SET NOT NULL;
