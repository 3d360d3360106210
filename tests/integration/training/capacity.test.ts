import path from "node:path";
import { db } from "@/lib/db";
import { runWorker } from "@/tests/helpers/worker";
import { enrolSelf } from "@/lib/training/enrolment";
import { actorOf, createUnit, createUser } from "@/tests/factories";
import { createTrainingSession } from "@/tests/factories/training";

async function officers(n: number) {
  const unit = await createUnit();
  const users = [];
  for (let i = 0; i < n; i += 50) {
    users.push(...(await Promise.all(Array.from({ length: Math.min(50, n - i) }, () => createUser({ unitId: unit.id })))));
  }
  return users.map((u) => actorOf(u));
}

async function assertInvariant(sessionId: string, capacity: number, total: number) {
  const rows = await db.trainingEnrollment.findMany({ where: { sessionId }, select: { status: true, waitlistPosition: true } });
  const enrolled = rows.filter((r) => r.status === "ENROLLED");
  const waitlisted = rows
    .filter((r) => r.status === "WAITLISTED")
    .map((r) => r.waitlistPosition!)
    .sort((a, b) => a - b);
  expect(enrolled).toHaveLength(capacity);
  expect(waitlisted).toEqual(Array.from({ length: total - capacity }, (_, i) => i + 1));
  const s = await db.trainingSession.findUniqueOrThrow({ where: { id: sessionId } });
  expect(s.enrolledCount).toBe(capacity);
  expect(s.waitlistCount).toBe(total - capacity);
}

test("200 officers enrolling at once into 20 seats: exactly 20 enrolled, waitlist 1..180 without gaps", async () => {
  const actors = await officers(200);
  const s = await createTrainingSession({ capacity: 20 });
  const results = await Promise.all(actors.map((a) => enrolSelf(a, s.id)));
  expect(results.filter((r) => r.status === "ENROLLED")).toHaveLength(20);
  expect(
    results
      .filter((r) => r.status === "WAITLISTED")
      .map((r) => r.waitlistPosition)
      .sort((a, b) => a! - b!),
  ).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
  await assertInvariant(s.id, 20, 200);
}, 120_000);

function enrolInWorker(sessionId: string, actors: unknown[]) {
  return runWorker<{ status?: string; waitlistPosition?: number | null; error?: string }[]>(
    path.join(__dirname, "enrol-worker.ts"),
    [sessionId, JSON.stringify(actors)],
    { poolSize: 10 },
  );
}

test("200 enrolments spread over two OS processes sharing the database keep capacity and positions exact", async () => {
  const actors = await officers(200);
  const s = await createTrainingSession({ capacity: 20 });
  const [a, b] = await Promise.all([enrolInWorker(s.id, actors.slice(0, 100)), enrolInWorker(s.id, actors.slice(100))]);
  const all = [...a, ...b];
  expect(all.filter((r) => r.error)).toEqual([]);
  expect(all.filter((r) => r.status === "ENROLLED")).toHaveLength(20);
  await assertInvariant(s.id, 20, 200);
}, 180_000);
