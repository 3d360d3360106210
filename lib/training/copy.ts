import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/access";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { sessionSelect, toSessionDto, type SessionDto } from "./queries";
import { DAY_MS, SHANGHAI_OFFSET_MS } from "@/lib/time";

// Copy a session, or repeat it every week or month (Moodle Face-to-face "copy", cal.com
// recurring events): each copy is a DRAFT with the same content and lecturers, shifted in time
// with its enrolment window, so the office reviews and publishes each one.

export const copySessionSchema = z
  .object({
    every: z.enum(["NONE", "WEEK", "MONTH"]).default("NONE"),
    count: z.coerce.number().int().min(1, "至少复制 1 次").max(52, "一次最多 52 个").default(1),
  })
  .refine((v) => v.every !== "MONTH" || v.count <= 24, { path: ["count"], message: "按月重复一次最多 24 个" })
  .refine((v) => v.every !== "NONE" || v.count === 1, { path: ["count"], message: "不重复时只复制 1 个" });

/**
 * `d` moved by `months` on the Shanghai wall clock: the same time of day, the same day of the
 * month, or the month's last day when it has fewer days (31 January + 1 month = 28/29 February).
 */
export function addShanghaiMonths(d: Date, months: number): Date {
  const local = new Date(d.getTime() + SHANGHAI_OFFSET_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(local.getUTCDate(), lastDay);
  const moved = Date.UTC(y, m, day, local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds(), local.getUTCMilliseconds());
  return new Date(moved - SHANGHAI_OFFSET_MS);
}

/** Where copy i (1-based) of a session starting at `startsAt` starts. */
export function copyStart(startsAt: Date, every: "NONE" | "WEEK" | "MONTH", i: number): Date {
  if (every === "WEEK") return new Date(startsAt.getTime() + i * 7 * DAY_MS);
  if (every === "MONTH") return addShanghaiMonths(startsAt, i);
  return startsAt;
}

/** Makes the copies as drafts in one transaction (all or none), with one audit entry each. */
export async function copySession(actor: Actor, id: string, raw: unknown): Promise<SessionDto[]> {
  assertCan(actor, "training.manage");
  const { every, count } = parseInput(copySessionSchema, raw);
  return db.$transaction(
    async (tx) => {
      const s = await tx.trainingSession.findUnique({
        where: { id },
        include: { lecturers: { orderBy: { sortOrder: "asc" } } },
      });
      if (!s) throw notFound("培训");
      const out: SessionDto[] = [];
      for (let i = 1; i <= count; i++) {
        const startsAt = copyStart(s.startsAt, every, i);
        const shift = (d: Date | null) => (d ? new Date(d.getTime() + (startsAt.getTime() - s.startsAt.getTime())) : null);
        const row = await tx.trainingSession.create({
          data: {
            title: every === "NONE" ? `${s.title}（副本）` : s.title,
            categoryCode: s.categoryCode,
            description: s.description,
            format: s.format,
            venue: s.venue,
            startsAt,
            endsAt: shift(s.endsAt)!,
            capacity: s.capacity,
            creditHours: s.creditHours,
            enrollOpensAt: shift(s.enrollOpensAt),
            enrollClosesAt: shift(s.enrollClosesAt),
            cancelCutoffHours: s.cancelCutoffHours,
            audienceUnitIds: s.audienceUnitIds,
            audienceRoles: s.audienceRoles,
            status: "DRAFT",
            createdById: actor.id,
            lecturers: {
              create: s.lecturers.map((l) => ({ name: l.name, affiliation: l.affiliation, userId: l.userId, sortOrder: l.sortOrder })),
            },
          },
          select: sessionSelect,
        });
        await writeAudit(tx, {
          actor,
          action: "training.session.copy",
          targetType: "TrainingSession",
          targetId: row.id,
          target: row.title,
          details: { from: s.id, every, index: i, of: count },
        });
        out.push(toSessionDto(row));
      }
      return out;
    },
    { timeout: 30_000, maxWait: 20_000 },
  );
}
