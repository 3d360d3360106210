import { formatShanghai, toIsoShanghai } from "@/lib/time";
import type { BookingStatus } from "./schemas";

// What leaves the medical domain: plain objects, never Prisma rows (and never the ciphertext).
export type ServiceDto = {
  id: string;
  code: string;
  name: string;
  /** English name ("" when none) */
  nameEn: string;
  description: string;
  yearlyQuota: number | null;
  active: boolean;
  hospital: { id: string; name: string };
};

export type SlotDto = {
  id: string;
  service: string;
  serviceName: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  bookedCount: number;
  closed: boolean;
  closedReason: string | null;
};

export type BookingDto = {
  id: string;
  status: BookingStatus;
  urgent: boolean;
  /** nameEn: the English name, where the reader loaded it */
  service: { code: string; name: string; nameEn?: string };
  slot: SlotDto | null;
  startsAt: Date;
  endsAt: Date | null;
  user: { id: string; badgeNo: string; name: string; unit: { id: string; name: string } };
  hasNote: boolean;
  /** present only when the caller asked for it and may read it (owner, liaison); each read is audited */
  note?: string | null;
  shareNote: boolean;
  outcome: "NORMAL" | "ABNORMAL_RECHECK" | null;
  cancelReason: string | null;
  createdAt: Date;
  /** on a new booking only: ["ON_LEAVE"] when it falls in the person's approved leave (lib/leave) */
  warnings?: "ON_LEAVE"[];
};

export function slotJson(s: SlotDto) {
  return {
    id: s.id,
    service: s.service,
    startsAt: toIsoShanghai(s.startsAt),
    endsAt: toIsoShanghai(s.endsAt),
    capacity: s.capacity,
    bookedCount: s.bookedCount,
    closed: s.closed,
  };
}

export function bookingJson(b: BookingDto) {
  return {
    id: b.id,
    status: b.status,
    urgent: b.urgent,
    service: b.service,
    slot: b.slot ? slotJson(b.slot) : null,
    startsAt: toIsoShanghai(b.startsAt),
    endsAt: b.endsAt ? toIsoShanghai(b.endsAt) : null,
    user: b.user,
    hasNote: b.hasNote,
    ...(b.note !== undefined ? { note: b.note } : {}),
    shareNote: b.shareNote,
    outcome: b.outcome,
    cancelReason: b.cancelReason,
    createdAt: toIsoShanghai(b.createdAt),
    ...(b.warnings ? { warnings: b.warnings } : {}),
  };
}

export function serviceJson(s: ServiceDto) {
  return {
    code: s.code,
    name: s.name,
    nameEn: s.nameEn || null,
    description: s.description,
    hospital: s.hospital,
    yearlyQuota: s.yearlyQuota,
    active: s.active,
  };
}

/** "09:30" in Shanghai: one cheap formatter for long lists (slot grids, the day board). */
export function hhmm(d: Date): string {
  return formatShanghai(d).slice(11);
}
