-- Training invariants the database itself guards, beside the row lock in lib/training/enrolment.ts.
-- Waitlist positions are unique per session. Deferred, so closing a gap may shift rows in any order.
ALTER TABLE "TrainingEnrollment" ADD CONSTRAINT "TrainingEnrollment_waitlist_position_excl" EXCLUDE USING btree ("sessionId" WITH =, "waitlistPosition" WITH =) WHERE ("waitlistPosition" IS NOT NULL) DEFERRABLE INITIALLY DEFERRED;

-- A position exactly when waitlisted, and positions start at 1.
ALTER TABLE "TrainingEnrollment" ADD CONSTRAINT "TrainingEnrollment_waitlist_position_check" CHECK ((("status" = 'WAITLISTED') = ("waitlistPosition" IS NOT NULL)) AND ("waitlistPosition" IS NULL OR "waitlistPosition" >= 1));

-- Never more enrolled than seats.
ALTER TABLE "TrainingSession" ADD CONSTRAINT "TrainingSession_capacity_check" CHECK ("capacity" >= 1 AND "enrolledCount" >= 0 AND "waitlistCount" >= 0 AND "enrolledCount" <= "capacity");

ALTER TABLE "TrainingSession" ADD CONSTRAINT "TrainingSession_time_check" CHECK ("endsAt" > "startsAt");

ALTER TABLE "TrainingFeedback" ADD CONSTRAINT "TrainingFeedback_rating_check" CHECK ("rating" BETWEEN 1 AND 5);
