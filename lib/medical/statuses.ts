import { Prisma } from "@/lib/generated/prisma/client";
import type { BookingStatus } from "./schemas";

// The one home of which booking statuses count for what, shared by Prisma filters and the
// hand-written SQL (booking, queries, stats).

/** Not yet finished: at most one of these per person and service (the partial unique index
 * "MedicalBooking_one_active_per_service" lists the same statuses; change both together). */
export const ACTIVE_STATUSES = ["BOOKED", "CHECKED_IN"] as const satisfies readonly BookingStatus[];
/** Bookings that use up a yearly quota and that statistics count: everything but a cancellation. */
export const QUOTA_STATUSES = ["BOOKED", "CHECKED_IN", "COMPLETED", "NO_SHOW"] as const satisfies readonly BookingStatus[];
/** The person came. */
export const ATTENDED_STATUSES = ["CHECKED_IN", "COMPLETED"] as const satisfies readonly BookingStatus[];
/** On the liaison's day list: expected, present or done (not cancelled, not a no-show). */
export const DAY_LIST_STATUSES = ["BOOKED", "CHECKED_IN", "COMPLETED"] as const satisfies readonly BookingStatus[];

/** `column IN (…)` for one of the lists above; the values are enum constants, never input. */
export function statusInSql(column: string, statuses: readonly BookingStatus[]): Prisma.Sql {
  return Prisma.raw(`${column} IN (${statuses.map((s) => `'${s}'`).join(", ")})`);
}

export const isActive = (status: BookingStatus) => (ACTIVE_STATUSES as readonly BookingStatus[]).includes(status);
