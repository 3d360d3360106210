-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "bodyEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "titleEn" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "MedicalService" ADD COLUMN     "nameEn" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "TrainingCategory" ADD COLUMN     "nameEn" TEXT NOT NULL DEFAULT '';


-- Backfill the English names of the seeded rows (codes are fixed by the seed and API.md).
UPDATE "TrainingCategory" SET "nameEn" = CASE "code"
  WHEN 'LAW_ENFORCEMENT' THEN 'Law-enforcement standards'
  WHEN 'DISPUTE_RESOLUTION' THEN 'Dispute screening and resolution'
  WHEN 'DRONE' THEN 'Police drones'
  WHEN 'POLITICAL_THEORY' THEN 'Political theory'
  WHEN 'HEALTH' THEN 'Health education'
  WHEN 'OTHER' THEN 'Other'
  ELSE "nameEn" END
WHERE "nameEn" = '';

UPDATE "MedicalService" SET "nameEn" = CASE "code"
  WHEN 'GREEN_CHANNEL' THEN 'Green channel'
  WHEN 'FAST_TRACK' THEN 'Fast track'
  WHEN 'LIVER_CHECK' THEN 'Free liver check'
  WHEN 'HEALTH_CONSULT' THEN 'Health consultation'
  ELSE "nameEn" END
WHERE "nameEn" = '';
