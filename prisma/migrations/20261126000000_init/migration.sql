-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('BUREAU', 'STATION', 'BRIGADE', 'TEAM');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('OFFICER', 'AUXILIARY', 'UNIT_LEAD', 'LECTURER', 'TRAINING_ADMIN', 'MEDICAL_LIAISON', 'HR', 'SYS_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('SUCCESS', 'FAILURE', 'DENIED');

-- CreateEnum
CREATE TYPE "AuxPost" AS ENUM ('DUTY', 'CIVILIAN');

-- CreateEnum
CREATE TYPE "AuxStatus" AS ENUM ('ACTIVE', 'LEFT');

-- CreateEnum
CREATE TYPE "AuxGender" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "BenefitCategory" AS ENUM ('RECRUITMENT', 'PAY', 'EQUIPMENT', 'TRAINING', 'COMPENSATION', 'PROMOTION', 'AWARD', 'LEAVE');

-- CreateEnum
CREATE TYPE "CompensationKind" AS ENUM ('WORK_INJURY', 'ILLNESS', 'HARDSHIP', 'BEREAVEMENT', 'HOLIDAY_VISIT');

-- CreateEnum
CREATE TYPE "CompensationStatus" AS ENUM ('SUBMITTED', 'APPROVED', 'PAID', 'REJECTED');

-- CreateEnum
CREATE TYPE "EquipmentSeason" AS ENUM ('ALL', 'SPRING_AUTUMN', 'SUMMER', 'WINTER');

-- CreateEnum
CREATE TYPE "AssessmentResult" AS ENUM ('EXCELLENT', 'COMPETENT', 'BASIC', 'INCOMPETENT');

-- CreateEnum
CREATE TYPE "MedicalBookingStatus" AS ENUM ('BOOKED', 'CHECKED_IN', 'COMPLETED', 'CANCELLED', 'NO_SHOW');

-- CreateEnum
CREATE TYPE "MedicalOutcome" AS ENUM ('NORMAL', 'ABNORMAL_RECHECK');

-- CreateEnum
CREATE TYPE "TrainingSessionStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "TrainingFormat" AS ENUM ('OFFLINE', 'ONLINE', 'FIELD_TRIP');

-- CreateEnum
CREATE TYPE "TrainingEnrollmentStatus" AS ENUM ('ENROLLED', 'WAITLISTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "TrainingAttendance" AS ENUM ('ATTENDED', 'ABSENT');

-- CreateTable
CREATE TABLE "Unit" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "UnitKind" NOT NULL,
    "parentId" TEXT,
    "path" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "badgeNo" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "roles" "Role"[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Credential" (
    "userId" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "mustChange" BOOLEAN NOT NULL DEFAULT true,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "failedCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Credential_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "AuthSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "AuthSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SecurityPolicy" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "maxFailedAttempts" INTEGER NOT NULL DEFAULT 5,
    "lockoutMinutes" INTEGER NOT NULL DEFAULT 15,
    "passwordMinLength" INTEGER NOT NULL DEFAULT 10,
    "idleTimeoutMinutes" INTEGER NOT NULL DEFAULT 30,
    "absoluteTimeoutHours" INTEGER NOT NULL DEFAULT 12,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "SecurityPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorBadgeNo" TEXT,
    "actorName" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "target" TEXT,
    "ip" TEXT,
    "outcome" "AuditOutcome" NOT NULL,
    "details" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuxiliaryProfile" (
    "id" TEXT NOT NULL,
    "auxNo" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "idNumberEnc" TEXT NOT NULL,
    "idNumberHash" TEXT NOT NULL,
    "idNumberMasked" TEXT NOT NULL,
    "gender" "AuxGender" NOT NULL,
    "birthDate" DATE NOT NULL,
    "unitId" TEXT NOT NULL,
    "post" "AuxPost" NOT NULL,
    "batch" TEXT,
    "hireDate" DATE NOT NULL,
    "contractStart" DATE,
    "contractEnd" DATE,
    "level" INTEGER NOT NULL,
    "levelSince" DATE NOT NULL,
    "status" "AuxStatus" NOT NULL DEFAULT 'ACTIVE',
    "phone" TEXT,
    "sizes" JSONB NOT NULL DEFAULT '{}',
    "userId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuxiliaryProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BenefitRecord" (
    "id" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "category" "BenefitCategory" NOT NULL,
    "occurredOn" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "amount" DECIMAL(12,2),
    "details" JSONB NOT NULL DEFAULT '{}',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BenefitRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PayScale" (
    "id" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "base" DECIMAL(12,2) NOT NULL,
    "levelAllowance" DECIMAL(12,2) NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PayScale_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PayImport" (
    "id" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "netTotal" DECIMAL(14,2) NOT NULL,
    "importedById" TEXT,
    "replacedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PayImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PayLine" (
    "id" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "base" DECIMAL(12,2) NOT NULL,
    "levelAllowance" DECIMAL(12,2) NOT NULL,
    "seniorityAllowance" DECIMAL(12,2) NOT NULL,
    "performance" DECIMAL(12,2) NOT NULL,
    "socialInsurance" DECIMAL(12,2) NOT NULL,
    "housingFund" DECIMAL(12,2) NOT NULL,
    "deductions" DECIMAL(12,2) NOT NULL,
    "net" DECIMAL(12,2) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PayLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EquipmentItem" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unitLabel" TEXT NOT NULL,
    "sizeGroup" TEXT,
    "cycleMonths" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EquipmentItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EquipmentStandard" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "post" "AuxPost",
    "gender" "AuxGender",
    "season" "EquipmentSeason" NOT NULL DEFAULT 'ALL',
    "quantity" INTEGER NOT NULL,
    "cycleMonths" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EquipmentStandard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EquipmentIssue" (
    "id" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "size" TEXT,
    "quantity" INTEGER NOT NULL,
    "issuedOn" DATE NOT NULL,
    "batchId" TEXT,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EquipmentIssue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompensationCase" (
    "id" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "kind" "CompensationKind" NOT NULL,
    "title" TEXT NOT NULL,
    "reason" TEXT,
    "occurredOn" DATE NOT NULL,
    "amountRequested" DECIMAL(12,2) NOT NULL,
    "amountApproved" DECIMAL(12,2),
    "status" "CompensationStatus" NOT NULL DEFAULT 'SUBMITTED',
    "submittedById" TEXT,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "reviewNote" TEXT,
    "paidAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CompensationCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisitCampaign" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "description" TEXT,
    "unitId" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VisitCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignVisit" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "visitedOn" DATE NOT NULL,
    "visitors" TEXT NOT NULL,
    "visitee" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "gift" TEXT,
    "amount" DECIMAL(12,2),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CampaignVisit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuxAssessment" (
    "id" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "result" "AssessmentResult" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuxAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuxDiscipline" (
    "id" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "occurredOn" DATE NOT NULL,
    "description" TEXT NOT NULL,
    "closedOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuxDiscipline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PromotionRule" (
    "id" TEXT NOT NULL,
    "fromLevel" INTEGER NOT NULL,
    "minYears" INTEGER NOT NULL,
    "minAssessment" "AssessmentResult" NOT NULL DEFAULT 'COMPETENT',
    "blockOnDiscipline" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PromotionRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MedicalHospital" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT,
    "phone" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MedicalHospital_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MedicalService" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "hospitalId" TEXT NOT NULL,
    "yearlyQuota" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MedicalService_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MedicalSlotTemplate" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL,
    "startTime" TEXT NOT NULL,
    "endTime" TEXT NOT NULL,
    "slotMinutes" INTEGER NOT NULL DEFAULT 30,
    "capacity" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MedicalSlotTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MedicalSlot" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "templateId" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "capacity" INTEGER NOT NULL,
    "bookedCount" INTEGER NOT NULL DEFAULT 0,
    "closed" BOOLEAN NOT NULL DEFAULT false,
    "closedReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MedicalSlot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MedicalClosedDay" (
    "id" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MedicalClosedDay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MedicalBooking" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "slotId" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3),
    "status" "MedicalBookingStatus" NOT NULL DEFAULT 'BOOKED',
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "noteCipher" TEXT,
    "shareNote" BOOLEAN NOT NULL DEFAULT false,
    "outcome" "MedicalOutcome",
    "outcomeAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "cancelReason" TEXT,
    "checkedInAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "reminderSentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MedicalBooking_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MedicalConsent" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "givenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMP(3),
    "ip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MedicalConsent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingCategory" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingCategory_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "TrainingSession" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "categoryCode" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "format" "TrainingFormat" NOT NULL DEFAULT 'OFFLINE',
    "venue" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "capacity" INTEGER NOT NULL,
    "enrolledCount" INTEGER NOT NULL DEFAULT 0,
    "waitlistCount" INTEGER NOT NULL DEFAULT 0,
    "creditHours" DECIMAL(5,1) NOT NULL,
    "enrollOpensAt" TIMESTAMP(3),
    "enrollClosesAt" TIMESTAMP(3),
    "cancelCutoffHours" INTEGER NOT NULL DEFAULT 24,
    "audienceUnitIds" TEXT[],
    "audienceRoles" "Role"[],
    "status" "TrainingSessionStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "cancelReason" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingLecturer" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "userId" TEXT,
    "name" TEXT NOT NULL,
    "affiliation" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingLecturer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingEnrollment" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" "TrainingEnrollmentStatus" NOT NULL,
    "waitlistPosition" INTEGER,
    "attendance" "TrainingAttendance",
    "attendedAt" TIMESTAMP(3),
    "attendanceMethod" TEXT,
    "enrolledById" TEXT,
    "promotedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "reminderSentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingEnrollment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingFeedback" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingRequirement" (
    "role" "Role" NOT NULL,
    "hours" DECIMAL(5,1) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingRequirement_pkey" PRIMARY KEY ("role")
);

-- CreateTable
CREATE TABLE "TrainingPolicy" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "noShowEnabled" BOOLEAN NOT NULL DEFAULT false,
    "noShowLimit" INTEGER NOT NULL DEFAULT 3,
    "noShowWindowDays" INTEGER NOT NULL DEFAULT 90,
    "suspendDays" INTEGER NOT NULL DEFAULT 30,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Unit_code_key" ON "Unit"("code");

-- CreateIndex
CREATE INDEX "Unit_parentId_idx" ON "Unit"("parentId");

-- CreateIndex
CREATE INDEX "Unit_path_idx" ON "Unit"("path" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "User_badgeNo_key" ON "User"("badgeNo");

-- CreateIndex
CREATE INDEX "User_unitId_idx" ON "User"("unitId");

-- CreateIndex
CREATE INDEX "AuthSession_userId_idx" ON "AuthSession"("userId");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_action_at_idx" ON "AuditLog"("action", "at");

-- CreateIndex
CREATE INDEX "AuditLog_ip_action_at_idx" ON "AuditLog"("ip", "action", "at");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AuxiliaryProfile_auxNo_key" ON "AuxiliaryProfile"("auxNo");

-- CreateIndex
CREATE UNIQUE INDEX "AuxiliaryProfile_idNumberHash_key" ON "AuxiliaryProfile"("idNumberHash");

-- CreateIndex
CREATE UNIQUE INDEX "AuxiliaryProfile_userId_key" ON "AuxiliaryProfile"("userId");

-- CreateIndex
CREATE INDEX "AuxiliaryProfile_unitId_idx" ON "AuxiliaryProfile"("unitId");

-- CreateIndex
CREATE INDEX "AuxiliaryProfile_unitId_level_status_idx" ON "AuxiliaryProfile"("unitId", "level", "status");

-- CreateIndex
CREATE INDEX "BenefitRecord_profileId_category_occurredOn_idx" ON "BenefitRecord"("profileId", "category", "occurredOn");

-- CreateIndex
CREATE INDEX "BenefitRecord_createdById_idx" ON "BenefitRecord"("createdById");

-- CreateIndex
CREATE UNIQUE INDEX "PayScale_level_key" ON "PayScale"("level");

-- CreateIndex
CREATE UNIQUE INDEX "PayImport_month_key" ON "PayImport"("month");

-- CreateIndex
CREATE INDEX "PayImport_importedById_idx" ON "PayImport"("importedById");

-- CreateIndex
CREATE INDEX "PayLine_importId_idx" ON "PayLine"("importId");

-- CreateIndex
CREATE INDEX "PayLine_month_idx" ON "PayLine"("month");

-- CreateIndex
CREATE UNIQUE INDEX "PayLine_profileId_month_key" ON "PayLine"("profileId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "EquipmentItem_code_key" ON "EquipmentItem"("code");

-- CreateIndex
CREATE INDEX "EquipmentStandard_itemId_idx" ON "EquipmentStandard"("itemId");

-- CreateIndex
CREATE INDEX "EquipmentIssue_profileId_itemId_issuedOn_idx" ON "EquipmentIssue"("profileId", "itemId", "issuedOn");

-- CreateIndex
CREATE INDEX "EquipmentIssue_itemId_idx" ON "EquipmentIssue"("itemId");

-- CreateIndex
CREATE INDEX "EquipmentIssue_createdById_idx" ON "EquipmentIssue"("createdById");

-- CreateIndex
CREATE INDEX "EquipmentIssue_batchId_idx" ON "EquipmentIssue"("batchId");

-- CreateIndex
CREATE INDEX "CompensationCase_profileId_idx" ON "CompensationCase"("profileId");

-- CreateIndex
CREATE INDEX "CompensationCase_submittedById_idx" ON "CompensationCase"("submittedById");

-- CreateIndex
CREATE INDEX "CompensationCase_reviewedById_idx" ON "CompensationCase"("reviewedById");

-- CreateIndex
CREATE INDEX "CompensationCase_status_idx" ON "CompensationCase"("status");

-- CreateIndex
CREATE INDEX "VisitCampaign_unitId_idx" ON "VisitCampaign"("unitId");

-- CreateIndex
CREATE INDEX "VisitCampaign_createdById_idx" ON "VisitCampaign"("createdById");

-- CreateIndex
CREATE INDEX "CampaignVisit_campaignId_idx" ON "CampaignVisit"("campaignId");

-- CreateIndex
CREATE INDEX "CampaignVisit_profileId_idx" ON "CampaignVisit"("profileId");

-- CreateIndex
CREATE UNIQUE INDEX "AuxAssessment_profileId_year_key" ON "AuxAssessment"("profileId", "year");

-- CreateIndex
CREATE INDEX "AuxDiscipline_profileId_idx" ON "AuxDiscipline"("profileId");

-- CreateIndex
CREATE UNIQUE INDEX "PromotionRule_fromLevel_key" ON "PromotionRule"("fromLevel");

-- CreateIndex
CREATE UNIQUE INDEX "MedicalHospital_name_key" ON "MedicalHospital"("name");

-- CreateIndex
CREATE UNIQUE INDEX "MedicalService_code_key" ON "MedicalService"("code");

-- CreateIndex
CREATE INDEX "MedicalService_hospitalId_idx" ON "MedicalService"("hospitalId");

-- CreateIndex
CREATE INDEX "MedicalSlotTemplate_serviceId_idx" ON "MedicalSlotTemplate"("serviceId");

-- CreateIndex
CREATE INDEX "MedicalSlot_templateId_idx" ON "MedicalSlot"("templateId");

-- CreateIndex
CREATE INDEX "MedicalSlot_startsAt_idx" ON "MedicalSlot"("startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "MedicalSlot_serviceId_startsAt_key" ON "MedicalSlot"("serviceId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "MedicalClosedDay_date_key" ON "MedicalClosedDay"("date");

-- CreateIndex
CREATE INDEX "MedicalBooking_userId_serviceId_startsAt_idx" ON "MedicalBooking"("userId", "serviceId", "startsAt");

-- CreateIndex
CREATE INDEX "MedicalBooking_serviceId_startsAt_idx" ON "MedicalBooking"("serviceId", "startsAt");

-- CreateIndex
CREATE INDEX "MedicalBooking_slotId_idx" ON "MedicalBooking"("slotId");

-- CreateIndex
CREATE INDEX "MedicalBooking_startsAt_status_idx" ON "MedicalBooking"("startsAt", "status");

-- CreateIndex
CREATE INDEX "MedicalConsent_userId_givenAt_idx" ON "MedicalConsent"("userId", "givenAt");

-- CreateIndex
CREATE INDEX "TrainingSession_categoryCode_idx" ON "TrainingSession"("categoryCode");

-- CreateIndex
CREATE INDEX "TrainingSession_createdById_idx" ON "TrainingSession"("createdById");

-- CreateIndex
CREATE INDEX "TrainingSession_status_startsAt_idx" ON "TrainingSession"("status", "startsAt");

-- CreateIndex
CREATE INDEX "TrainingSession_startsAt_idx" ON "TrainingSession"("startsAt");

-- CreateIndex
CREATE INDEX "TrainingLecturer_sessionId_idx" ON "TrainingLecturer"("sessionId");

-- CreateIndex
CREATE INDEX "TrainingLecturer_userId_idx" ON "TrainingLecturer"("userId");

-- CreateIndex
CREATE INDEX "TrainingEnrollment_userId_status_idx" ON "TrainingEnrollment"("userId", "status");

-- CreateIndex
CREATE INDEX "TrainingEnrollment_enrolledById_idx" ON "TrainingEnrollment"("enrolledById");

-- CreateIndex
CREATE INDEX "TrainingEnrollment_sessionId_status_waitlistPosition_idx" ON "TrainingEnrollment"("sessionId", "status", "waitlistPosition");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingEnrollment_sessionId_userId_key" ON "TrainingEnrollment"("sessionId", "userId");

-- CreateIndex
CREATE INDEX "TrainingFeedback_userId_idx" ON "TrainingFeedback"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingFeedback_sessionId_userId_key" ON "TrainingFeedback"("sessionId", "userId");

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Credential" ADD CONSTRAINT "Credential_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthSession" ADD CONSTRAINT "AuthSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuxiliaryProfile" ADD CONSTRAINT "AuxiliaryProfile_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuxiliaryProfile" ADD CONSTRAINT "AuxiliaryProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenefitRecord" ADD CONSTRAINT "BenefitRecord_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "AuxiliaryProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenefitRecord" ADD CONSTRAINT "BenefitRecord_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayImport" ADD CONSTRAINT "PayImport_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayLine" ADD CONSTRAINT "PayLine_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "AuxiliaryProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayLine" ADD CONSTRAINT "PayLine_importId_fkey" FOREIGN KEY ("importId") REFERENCES "PayImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EquipmentStandard" ADD CONSTRAINT "EquipmentStandard_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "EquipmentItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EquipmentIssue" ADD CONSTRAINT "EquipmentIssue_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "AuxiliaryProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EquipmentIssue" ADD CONSTRAINT "EquipmentIssue_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "EquipmentItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EquipmentIssue" ADD CONSTRAINT "EquipmentIssue_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompensationCase" ADD CONSTRAINT "CompensationCase_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "AuxiliaryProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompensationCase" ADD CONSTRAINT "CompensationCase_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompensationCase" ADD CONSTRAINT "CompensationCase_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitCampaign" ADD CONSTRAINT "VisitCampaign_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitCampaign" ADD CONSTRAINT "VisitCampaign_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignVisit" ADD CONSTRAINT "CampaignVisit_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "VisitCampaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignVisit" ADD CONSTRAINT "CampaignVisit_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "AuxiliaryProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuxAssessment" ADD CONSTRAINT "AuxAssessment_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "AuxiliaryProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuxDiscipline" ADD CONSTRAINT "AuxDiscipline_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "AuxiliaryProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MedicalService" ADD CONSTRAINT "MedicalService_hospitalId_fkey" FOREIGN KEY ("hospitalId") REFERENCES "MedicalHospital"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MedicalSlotTemplate" ADD CONSTRAINT "MedicalSlotTemplate_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "MedicalService"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MedicalSlot" ADD CONSTRAINT "MedicalSlot_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "MedicalService"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MedicalSlot" ADD CONSTRAINT "MedicalSlot_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "MedicalSlotTemplate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MedicalBooking" ADD CONSTRAINT "MedicalBooking_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MedicalBooking" ADD CONSTRAINT "MedicalBooking_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "MedicalService"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MedicalBooking" ADD CONSTRAINT "MedicalBooking_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "MedicalSlot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MedicalConsent" ADD CONSTRAINT "MedicalConsent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingSession" ADD CONSTRAINT "TrainingSession_categoryCode_fkey" FOREIGN KEY ("categoryCode") REFERENCES "TrainingCategory"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingSession" ADD CONSTRAINT "TrainingSession_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingLecturer" ADD CONSTRAINT "TrainingLecturer_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TrainingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingLecturer" ADD CONSTRAINT "TrainingLecturer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingEnrollment" ADD CONSTRAINT "TrainingEnrollment_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TrainingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingEnrollment" ADD CONSTRAINT "TrainingEnrollment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingEnrollment" ADD CONSTRAINT "TrainingEnrollment_enrolledById_fkey" FOREIGN KEY ("enrolledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingFeedback" ADD CONSTRAINT "TrainingFeedback_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TrainingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingFeedback" ADD CONSTRAINT "TrainingFeedback_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

