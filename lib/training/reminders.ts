import "server-only";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { notify } from "@/lib/notifications/queries";
import { DAY_MS, formatShanghai } from "@/lib/time";

/**
 * The day-before reminder, for a scheduler: every enrolled officer of a published session that
 * starts within the next 24 hours gets one notice. Idempotent: the conditional UPDATE marks
 * each enrolment once, so overlapping or repeated runs never send twice.
 */
export async function sendTrainingReminders(now = new Date()): Promise<number> {
  const until = new Date(now.getTime() + DAY_MS);
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<{ userId: string; sessionId: string; title: string; startsAt: Date; venue: string }[]>`
      UPDATE "TrainingEnrollment" e SET "reminderSentAt" = ${now}
      FROM "TrainingSession" s
      WHERE s.id = e."sessionId" AND e.status = 'ENROLLED' AND e."reminderSentAt" IS NULL
        AND s.status = 'PUBLISHED' AND s."startsAt" > ${now} AND s."startsAt" <= ${until}
      RETURNING e."userId", s.id AS "sessionId", s.title, s."startsAt", s.venue`;
      for (const r of rows) {
        await notify(tx, [r.userId], {
          kind: "training.reminder",
          title: "培训提醒：明天有课",
          titleEn: "Reminder: training tomorrow",
          bodyEn: `"${r.title}" starts ${formatShanghai(r.startsAt)} (Beijing time) at ${r.venue}.`,
          body: `「${r.title}」将于 ${formatShanghai(r.startsAt)} 在 ${r.venue} 开始，请准时参加。`,
          link: `/training/${r.sessionId}`,
        });
      }
      if (rows.length) await writeAudit(tx, { actor: null, action: "training.reminder.send", details: { count: rows.length } });
      return rows.length;
    },
    { timeout: 60_000 },
  );
}
