import { toIsoShanghai } from "@/lib/time";
import type { SessionDto } from "./queries";

/** API shape of a session (API.md "Training"): times as ISO-8601 with +08:00. */
export function sessionJson(s: SessionDto) {
  return {
    id: s.id,
    title: s.title,
    category: s.category,
    categoryName: s.categoryName,
    categoryNameEn: s.categoryNameEn || null,
    status: s.status,
    format: s.format,
    description: s.description,
    startsAt: toIsoShanghai(s.startsAt),
    endsAt: toIsoShanghai(s.endsAt),
    venue: s.venue,
    capacity: s.capacity,
    enrolledCount: s.enrolledCount,
    waitlistCount: s.waitlistCount,
    creditHours: s.creditHours,
    lecturers: s.lecturers.map((l) => ({ name: l.name, affiliation: l.affiliation, ...(l.userId ? { userId: l.userId } : {}) })),
    enrollOpensAt: s.enrollOpensAt && toIsoShanghai(s.enrollOpensAt),
    enrollClosesAt: s.enrollClosesAt && toIsoShanghai(s.enrollClosesAt),
    cancelCutoffHours: s.cancelCutoffHours,
    audience: { unitIds: s.audienceUnitIds, roles: s.audienceRoles },
    cancelReason: s.cancelReason,
  };
}
