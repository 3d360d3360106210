-- AlterEnum
ALTER TYPE "CompensationStatus" ADD VALUE 'PENDING_SECOND_APPROVAL' BEFORE 'APPROVED';

-- DropIndex
DROP INDEX "PayImport_month_key";

-- Keep only the birth year (issue 9 item 8): the full date beside the masked ID number let the
-- encrypted number be rebuilt. Backfilled from the date before the date is dropped.
ALTER TABLE "AuxiliaryProfile" ADD COLUMN "birthYear" INTEGER;
UPDATE "AuxiliaryProfile" SET "birthYear" = EXTRACT(YEAR FROM "birthDate")::int;
ALTER TABLE "AuxiliaryProfile" ALTER COLUMN "birthYear" SET NOT NULL;
ALTER TABLE "AuxiliaryProfile" DROP COLUMN "birthDate";

-- A pay month is unique per importing unit, not bureau-wide (issue 9 item 11). Existing imports
-- belong to their importer's unit, or to the root unit when the importer is gone.
ALTER TABLE "PayImport" ADD COLUMN "unitId" TEXT;
UPDATE "PayImport" i SET "unitId" = COALESCE(
  (SELECT u."unitId" FROM "User" u WHERE u.id = i."importedById"),
  (SELECT r.id FROM "Unit" r WHERE r."parentId" IS NULL ORDER BY r."sortOrder", r.path LIMIT 1));
ALTER TABLE "PayImport" ALTER COLUMN "unitId" SET NOT NULL;

-- AlterTable
ALTER TABLE "PayLine" ADD COLUMN     "seal" TEXT;

-- AlterTable
ALTER TABLE "CompensationCase" ADD COLUMN     "reasonEnc" TEXT,
ADD COLUMN     "seal" TEXT,
ADD COLUMN     "secondReviewedAt" TIMESTAMP(3),
ADD COLUMN     "secondReviewedById" TEXT;

-- AlterTable
ALTER TABLE "MedicalBooking" ADD COLUMN     "outcomeEnc" TEXT;

-- CreateTable
CREATE TABLE "KeyCanary" (
    "id" TEXT NOT NULL,
    "cipher" TEXT NOT NULL,
    "blindIndex" TEXT NOT NULL,
    "seal" TEXT NOT NULL,
    "sealsBackfilledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KeyCanary_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PayImport_month_idx" ON "PayImport"("month");

-- CreateIndex
CREATE UNIQUE INDEX "PayImport_unitId_month_key" ON "PayImport"("unitId", "month");

-- CreateIndex
CREATE INDEX "CompensationCase_secondReviewedById_idx" ON "CompensationCase"("secondReviewedById");

-- AddForeignKey
ALTER TABLE "PayImport" ADD CONSTRAINT "PayImport_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompensationCase" ADD CONSTRAINT "CompensationCase_secondReviewedById_fkey" FOREIGN KEY ("secondReviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Two approvers when the approved amount exceeds the request (issue 9 item 11): the second one is
-- neither the first approver nor the submitter. NOT VALID: older rows are not re-judged.
ALTER TABLE "CompensationCase" ADD CONSTRAINT "CompensationCase_second_review_check" CHECK (
  ("secondReviewedById" IS NULL OR ("secondReviewedById" <> "reviewedById" AND ("submittedById" IS NULL OR "secondReviewedById" <> "submittedById")))
  AND ("status"::text NOT IN ('APPROVED', 'PAID') OR "amountApproved" IS NULL OR "amountApproved" <= "amountRequested" OR "secondReviewedAt" IS NOT NULL)
) NOT VALID;

-- Encrypted columns and seals are filled by the application at start-up (lib/keys/maintenance.ts):
-- SQL has no key. Until then the legacy plaintext columns stay as they were.
