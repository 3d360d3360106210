import { db } from "@/lib/db";
import { lecturerEntries, listLecturers, saveLecturer } from "@/lib/training/lecturers";
import { createSession } from "@/lib/training/mutations";
import { actorOf, createUser, uniq } from "@/tests/factories";
import { createTrainingSession, ensureCategories } from "@/tests/factories/training";

const office = async () => actorOf(await createUser({ roles: ["TRAINING_ADMIN", "OFFICER"] }));

test("an internal lecturer is added by badge number (name and unit from the account), once", async () => {
  const admin = await office();
  const u = await createUser({ roles: ["OFFICER", "LECTURER"], name: `内部讲师${uniq()}` });
  const l = await saveLecturer(admin, {
    kind: "INTERNAL",
    badgeNo: u.badgeNo.toLowerCase(),
    topics: "执法规范化，现场执法、执法规范化",
    title: "法制员",
  });
  expect(l).toMatchObject({
    kind: "INTERNAL",
    name: u.name,
    affiliation: u.unit.name,
    userId: u.id,
    badgeNo: u.badgeNo,
    topics: ["执法规范化", "现场执法"],
  });
  await expect(saveLecturer(admin, { kind: "INTERNAL", badgeNo: u.badgeNo })).rejects.toMatchObject({ code: "LECTURER_EXISTS" });
  await expect(saveLecturer(admin, { kind: "INTERNAL", badgeNo: "NOPE999" })).rejects.toMatchObject({
    code: "VALIDATION_FAILED",
    fields: { badgeNo: expect.any(String) },
  });
  await expect(saveLecturer(admin, { kind: "EXTERNAL", name: "王教授" })).rejects.toMatchObject({
    code: "VALIDATION_FAILED",
    fields: { affiliation: expect.any(String) },
  });
  await expect(saveLecturer(actorOf(u), { kind: "EXTERNAL", name: "王教授", affiliation: "某大学" })).rejects.toMatchObject({
    code: "FORBIDDEN",
  });
  expect(await db.auditLog.count({ where: { action: "training.lecturer.create", targetId: l.id } })).toBe(1);
});

test("search by name, organisation or topic; inactive entries hidden unless asked for", async () => {
  const admin = await office();
  const topic = `反诈${uniq()}`;
  const a = await saveLecturer(admin, {
    kind: "EXTERNAL",
    name: `张专家${uniq()}`,
    affiliation: "辽宁警察学院",
    topics: [topic, "网络安全"],
  });
  const b = await saveLecturer(admin, { kind: "EXTERNAL", name: `李专家${uniq()}`, affiliation: "鞍山市中心医院", topics: [topic] });
  await saveLecturer(admin, { id: b.id, kind: "EXTERNAL", name: b.name, affiliation: b.affiliation, topics: b.topics, active: "false" });
  expect((await listLecturers(admin, { q: topic })).map((l) => l.id)).toEqual([a.id]);
  expect((await listLecturers(admin, { q: topic, includeInactive: "true" })).map((l) => l.id).sort()).toEqual([a.id, b.id].sort());
  expect((await listLecturers(admin, { q: "辽宁警察学院" })).map((l) => l.id)).toContain(a.id);
  await expect(lecturerEntries(admin, [b.id])).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
});

test("a session made from registry picks carries them; the registry counts their sessions and ratings", async () => {
  await ensureCategories();
  const admin = await office();
  const ext = await saveLecturer(admin, {
    kind: "EXTERNAL",
    name: `赵专家${uniq()}`,
    affiliation: "鞍山市传染病医院",
    topics: ["健康科普"],
  });
  const teacher = await createUser({ roles: ["OFFICER", "LECTURER"] });
  const int = await saveLecturer(admin, { kind: "INTERNAL", badgeNo: teacher.badgeNo });
  const entries = await lecturerEntries(admin, [ext.id, int.id]);
  const startsAt = new Date(Date.now() + 5 * 86400_000);
  const s = await createSession(admin, {
    title: "肝病防治讲座",
    category: "HEALTH",
    venue: "分局礼堂",
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 7200_000).toISOString(),
    capacity: 50,
    creditHours: 2,
    lecturers: entries,
  });
  expect(s.lecturers).toEqual([
    expect.objectContaining({ name: ext.name, affiliation: "鞍山市传染病医院", userId: null }),
    expect.objectContaining({ name: teacher.name, userId: teacher.id }),
  ]);
  // a completed session of the outside expert with two ratings
  const done = await createTrainingSession({ startsAt: new Date(Date.now() - 86400_000), status: "COMPLETED" });
  await db.trainingLecturer.deleteMany({ where: { sessionId: done.id } });
  await db.trainingLecturer.create({ data: { sessionId: done.id, name: ext.name, affiliation: "鞍山市传染病医院" } });
  const [r1, r2] = await Promise.all([createUser(), createUser()]);
  await db.trainingFeedback.createMany({
    data: [
      { sessionId: done.id, userId: r1.id, rating: 4 },
      { sessionId: done.id, userId: r2.id, rating: 5 },
    ],
  });
  const listed = (await listLecturers(admin, { q: ext.name }))[0]!;
  // the new session is still a draft: only sessions that were published count
  expect(listed).toMatchObject({ sessions: 1, ratings: 2, average: 4.5 });
  expect((await listLecturers(admin, { q: teacher.name }))[0]).toMatchObject({ sessions: 0, ratings: 0, average: null });
});
