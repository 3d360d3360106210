-- CreateEnum
CREATE TYPE "LeaveType" AS ENUM ('ANNUAL', 'COMPENSATORY', 'SICK', 'PERSONAL', 'FAMILY_VISIT');

-- CreateEnum
CREATE TYPE "LeaveStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "HolidayKind" AS ENUM ('HOLIDAY', 'WORKDAY');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "serviceStartDate" DATE;

-- CreateTable
CREATE TABLE "LeaveRequest" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "type" "LeaveType" NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "days" INTEGER NOT NULL,
    "reason" TEXT,
    "status" "LeaveStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionComment" TEXT,
    "cancelledAt" TIMESTAMP(3),
    "benefitRecordId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LeaveRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeaveCalendarYear" (
    "year" INTEGER NOT NULL,
    "provisional" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LeaveCalendarYear_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "LeaveHoliday" (
    "date" DATE NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" "HolidayKind" NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LeaveHoliday_pkey" PRIMARY KEY ("date")
);

-- CreateIndex
CREATE INDEX "LeaveRequest_userId_status_startsOn_idx" ON "LeaveRequest"("userId", "status", "startsOn");

-- CreateIndex
CREATE INDEX "LeaveRequest_decidedById_idx" ON "LeaveRequest"("decidedById");

-- CreateIndex
CREATE INDEX "LeaveRequest_status_startsOn_endsOn_idx" ON "LeaveRequest"("status", "startsOn", "endsOn");

-- CreateIndex
CREATE INDEX "LeaveHoliday_year_idx" ON "LeaveHoliday"("year");

-- AddForeignKey
ALTER TABLE "LeaveRequest" ADD CONSTRAINT "LeaveRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaveRequest" ADD CONSTRAINT "LeaveRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaveHoliday" ADD CONSTRAINT "LeaveHoliday_year_fkey" FOREIGN KEY ("year") REFERENCES "LeaveCalendarYear"("year") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: rules the database itself holds, whatever process writes (see lib/leave/mutations.ts).
-- No semicolons except as statement terminators: the offline migrate path splits on them.

-- btree_gist lets one exclusion constraint compare the person (=) and the date range (&&).
-- It ships with PostgreSQL and is a trusted extension (a database owner may create it).
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- One person never holds two PENDING or APPROVED requests whose inclusive date ranges overlap.
ALTER TABLE "LeaveRequest" ADD CONSTRAINT "LeaveRequest_no_overlap" EXCLUDE USING gist ("userId" WITH =, daterange("startsOn", "endsOn", '[]') WITH &&) WHERE ("status" IN ('PENDING', 'APPROVED'));

ALTER TABLE "LeaveRequest" ADD CONSTRAINT "LeaveRequest_range_check" CHECK ("endsOn" >= "startsOn" AND "days" >= 0);

-- A decision is dated, a cancellation is dated exactly when cancelled.
ALTER TABLE "LeaveRequest" ADD CONSTRAINT "LeaveRequest_decision_check" CHECK (("status" NOT IN ('APPROVED', 'REJECTED') OR "decidedAt" IS NOT NULL) AND (("status" = 'CANCELLED') = ("cancelledAt" IS NOT NULL)));

-- A calendar day belongs to its own year, and a make-up working day is a Saturday or Sunday.
ALTER TABLE "LeaveHoliday" ADD CONSTRAINT "LeaveHoliday_year_check" CHECK (EXTRACT(YEAR FROM "date") = "year" AND ("kind" = 'HOLIDAY' OR EXTRACT(ISODOW FROM "date") >= 6));
