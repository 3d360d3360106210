-- 辅警保障: rules the database enforces too (CHECK constraints Prisma cannot express)
ALTER TABLE "AuxiliaryProfile" ADD CONSTRAINT "AuxiliaryProfile_level_check" CHECK ("level" >= 1);

ALTER TABLE "PayLine" ADD CONSTRAINT "PayLine_amounts_check" CHECK ("base" >= 0 AND "levelAllowance" >= 0 AND "seniorityAllowance" >= 0 AND "performance" >= 0 AND "socialInsurance" >= 0 AND "housingFund" >= 0 AND "deductions" >= 0 AND "net" >= 0);

ALTER TABLE "PayLine" ADD CONSTRAINT "PayLine_net_check" CHECK ("net" = "base" + "levelAllowance" + "seniorityAllowance" + "performance" - "socialInsurance" - "housingFund" - "deductions");

ALTER TABLE "PayLine" ADD CONSTRAINT "PayLine_month_check" CHECK ("month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');

ALTER TABLE "PayImport" ADD CONSTRAINT "PayImport_month_check" CHECK ("month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');

ALTER TABLE "EquipmentIssue" ADD CONSTRAINT "EquipmentIssue_quantity_check" CHECK ("quantity" > 0);

ALTER TABLE "EquipmentStandard" ADD CONSTRAINT "EquipmentStandard_quantity_check" CHECK ("quantity" > 0 AND "cycleMonths" > 0);

ALTER TABLE "CompensationCase" ADD CONSTRAINT "CompensationCase_amounts_check" CHECK ("amountRequested" >= 0 AND ("amountApproved" IS NULL OR "amountApproved" >= 0));

ALTER TABLE "CompensationCase" ADD CONSTRAINT "CompensationCase_reviewer_check" CHECK ("reviewedById" IS NULL OR "submittedById" IS NULL OR "reviewedById" <> "submittedById");

ALTER TABLE "CompensationCase" ADD CONSTRAINT "CompensationCase_state_check" CHECK (("status" = 'SUBMITTED' OR "reviewedAt" IS NOT NULL) AND ("status" <> 'PAID' OR "paidAt" IS NOT NULL) AND ("status" NOT IN ('APPROVED', 'PAID') OR "amountApproved" IS NOT NULL));
