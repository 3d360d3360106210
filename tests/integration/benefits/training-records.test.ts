import { db } from "@/lib/db";
import { listRecords } from "@/lib/benefits/queries";
import { createTrainingSession, ensureCategories } from "@/tests/factories/training";
import { world } from "./helpers";

beforeAll(ensureCategories);

test("an auxiliary officer's education record is filled from credited lecture-hall attendance only", async () => {
  const w = await world();
  const day = 86400_000;
  const attended = await createTrainingSession({
    status: "COMPLETED",
    startsAt: new Date(Date.now() - 10 * day),
    creditHours: 3,
    title: "执法规范化专题",
  });
  const absent = await createTrainingSession({ status: "COMPLETED", startsAt: new Date(Date.now() - 9 * day), title: "缺席的培训" });
  const notYetOver = await createTrainingSession({
    status: "PUBLISHED",
    startsAt: new Date(Date.now() - 3600_000),
    endsAt: new Date(Date.now() + 3600_000),
    title: "进行中的培训",
  });
  await db.trainingEnrollment.create({ data: { sessionId: attended.id, userId: w.auxA.id, status: "ENROLLED", attendance: "ATTENDED" } });
  await db.trainingEnrollment.create({ data: { sessionId: absent.id, userId: w.auxA.id, status: "ENROLLED", attendance: "ABSENT" } });
  await db.trainingEnrollment.create({ data: { sessionId: notYetOver.id, userId: w.auxA.id, status: "ENROLLED", attendance: "ATTENDED" } });

  const records = await listRecords(w.hrA, { auxiliaryId: w.profA.id, category: "TRAINING" });
  const fromHall = records.filter((r) => r.details.source === "LECTURE_HALL");
  expect(fromHall.map((r) => r.title)).toEqual(["执法规范化专题"]);
  expect(fromHall[0]).toMatchObject({ auxiliaryId: w.profA.id, category: "TRAINING", details: { sessionId: attended.id, creditHours: 3 } });
  // the officer sees the same record on their own profile; HR of another station does not reach it
  expect((await listRecords(w.auxA, { category: "TRAINING" })).map((r) => r.title)).toContain("执法规范化专题");
  await expect(listRecords(w.hrA, { auxiliaryId: w.profB.id, category: "TRAINING" })).rejects.toMatchObject({ code: "NOT_FOUND" });
});
