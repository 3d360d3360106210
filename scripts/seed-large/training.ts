// Large training data for the benchmark: 2,000 sessions over three years, 200,000 enrolments.
// Idempotent: skipped when the sessions already exist. Counters are written consistent with rows.
import type { LargeContext } from "../seed-large";

const CATS = ["LAW_ENFORCEMENT", "DISPUTE_RESOLUTION", "DRONE", "POLITICAL_THEORY", "HEALTH", "OTHER"];
const TOPICS = ["执法规范化专题", "矛盾纠纷排查化解实务", "警务无人机操作", "政治理论学习", "健康科普讲座", "综合业务培训"];

export async function seedLargeTraining(ctx: LargeContext): Promise<void> {
  const { db, users, log } = ctx;
  if ((await db.trainingSession.count({ where: { id: { startsWith: "lt" } } })) >= 2000) return log("training: already seeded");
  const people = users.filter((u) => u.roles.includes("OFFICER") || u.roles.includes("AUXILIARY"));
  const now = Date.now();
  const start = now - 2.6 * 365 * 86400_000;
  const step = (3 * 365 * 86400_000) / 2000;
  const PER = 100;
  for (let b = 0; b < 2000; b += 100) {
    const sessions = [];
    const enrollments = [];
    for (let k = b; k < b + 100; k++) {
      const id = `lt${String(k).padStart(5, "0")}`;
      const startsAt = new Date(start + k * step);
      const past = startsAt.getTime() < now;
      const capacity = past ? 120 : k % 5 === 0 ? 100 : 150; // every fifth upcoming session is full
      sessions.push({
        id,
        title: `${TOPICS[k % TOPICS.length]}（第${k + 1}期）`,
        categoryCode: CATS[k % CATS.length]!,
        venue: "分局四楼大会议室",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
        capacity,
        enrolledCount: PER,
        waitlistCount: 0,
        creditHours: 2,
        status: past ? ("COMPLETED" as const) : ("PUBLISHED" as const),
        publishedAt: new Date(startsAt.getTime() - 14 * 86400_000),
      });
      const offset = (k * 97) % people.length;
      for (let j = 0; j < PER; j++) {
        const u = people[(offset + j) % people.length]!;
        enrollments.push({
          sessionId: id,
          userId: u.id,
          status: "ENROLLED" as const,
          ...(past ? { attendance: j % 10 === 9 ? ("ABSENT" as const) : ("ATTENDED" as const), attendanceMethod: "QR" } : {}),
        });
      }
    }
    await db.trainingSession.createMany({ data: sessions });
    for (let i = 0; i < enrollments.length; i += 5000) await db.trainingEnrollment.createMany({ data: enrollments.slice(i, i + 5000) });
    log(`training: ${b + 100} sessions`);
  }
}
