-- Medical rules the database itself holds, whatever process writes (see lib/medical/booking.ts).
-- No semicolons except as statement terminators: the offline migrate path splits on them.

-- Never more regular bookings in a slot than its capacity.
ALTER TABLE "MedicalSlot" ADD CONSTRAINT "MedicalSlot_bookedCount_range" CHECK ("bookedCount" >= 0 AND "bookedCount" <= "capacity");
ALTER TABLE "MedicalSlot" ADD CONSTRAINT "MedicalSlot_capacity_positive" CHECK ("capacity" >= 1 AND "endsAt" > "startsAt");
ALTER TABLE "MedicalSlotTemplate" ADD CONSTRAINT "MedicalSlotTemplate_weekday_range" CHECK ("weekday" BETWEEN 1 AND 7 AND "capacity" >= 1 AND "slotMinutes" >= 5);
ALTER TABLE "MedicalService" ADD CONSTRAINT "MedicalService_quota_positive" CHECK ("yearlyQuota" IS NULL OR "yearlyQuota" >= 1);

-- One active regular booking per person per service (urgent entries are outside this rule).
CREATE UNIQUE INDEX "MedicalBooking_one_active_per_service" ON "MedicalBooking" ("userId", "serviceId") WHERE "status" IN ('BOOKED', 'CHECKED_IN') AND "urgent" = false;

-- Regular bookings always sit in a slot, urgent entries never count against one.
ALTER TABLE "MedicalBooking" ADD CONSTRAINT "MedicalBooking_slot_unless_urgent" CHECK ("urgent" OR "slotId" IS NOT NULL);
