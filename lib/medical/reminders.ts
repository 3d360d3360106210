import "server-only";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { notify } from "@/lib/notifications/queries";
import { DAY_MS, formatShanghai, shanghaiDate, shanghaiDayRange } from "@/lib/time";

/**
 * The day-before reminder, for a scheduler (the lead wires it). Reminds everyone with a BOOKED
 * visit on the Shanghai day after `now`, once: the conditional UPDATE … RETURNING marks each
 * booking as it is picked, so reruns and several instances never remind twice.
 */
export async function sendMedicalReminders(now = new Date()): Promise<{ sent: number }> {
  const tomorrow = shanghaiDate(new Date(now.getTime() + DAY_MS));
  const { start, end } = shanghaiDayRange(tomorrow);
  return db.$transaction(async (tx) => {
    const picked = await tx.$queryRaw<{ id: string; userId: string; startsAt: Date; name: string }[]>`
      UPDATE "MedicalBooking" b SET "reminderSentAt" = ${now}, "updatedAt" = now()
      FROM "MedicalService" s
      WHERE s.id = b."serviceId" AND b.status = 'BOOKED' AND b."reminderSentAt" IS NULL
        AND b."startsAt" >= ${start} AND b."startsAt" < ${end}
      RETURNING b.id, b."userId", b."startsAt", s.name`;
    for (const b of picked) {
      await notify(tx, [b.userId], {
        kind: "medical.booking.reminder",
        title: "明日就诊提醒",
        titleEn: "Hospital visit tomorrow",
        bodyEn: `You are booked for ${formatShanghai(b.startsAt)} tomorrow at Anshan Infectious Disease Hospital; cancel in advance if you cannot go.`,
        body: `您预约了明天 ${formatShanghai(b.startsAt)} 的${b.name}（鞍山市传染病医院），请按时前往；如不能前往请提前取消。`,
        link: "/medical",
      });
    }
    if (picked.length)
      await writeAudit(tx, { actor: null, action: "medical.reminders.send", target: tomorrow, details: { sent: picked.length } });
    return { sent: picked.length };
  });
}
