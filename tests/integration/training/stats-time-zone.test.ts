// The office's monthly figures count a session in its Asia/Shanghai month. Times are stored as UTC
// in columns without a zone: they must be read as UTC before converting (a plain
// `AT TIME ZONE 'Asia/Shanghai'` reads them as Shanghai wall-clock and shifts by 16 hours).
import { getTrainingStats } from "@/lib/training/stats";
import { actorOf, createUser } from "@/tests/factories";
import { createTrainingSession } from "@/tests/factories/training";

// 2074: a year no other test uses
test("a session on the 1st at 09:00 Shanghai is March's, one on 31 March 20:00 UTC (1 April 04:00 Shanghai) is April's", async () => {
  const office = actorOf(await createUser({ roles: ["TRAINING_ADMIN"] }));
  const first = new Date("2074-03-01T01:00:00Z");
  const late = new Date("2074-03-31T20:00:00Z");
  await createTrainingSession({ status: "COMPLETED", startsAt: first, endsAt: new Date(first.getTime() + 3600_000) });
  await createTrainingSession({ status: "COMPLETED", startsAt: late, endsAt: new Date(late.getTime() + 3600_000) });
  const stats = await getTrainingStats(office, 2074);
  const by = Object.fromEntries(stats.byMonth.map((m) => [m.month, m.sessions]));
  expect(by[2]).toBe(0);
  expect(by[3]).toBe(1);
  expect(by[4]).toBe(1);
});
