import { db } from "@/lib/db";
import { enrolSelf } from "@/lib/training/enrolment";
import { createCategory, setCategoryActive } from "@/lib/training/mutations";
import { listCategories, listMyOverlaps, listSignInSheet } from "@/lib/training/queries";
import { actorOf, createUser, uniq } from "@/tests/factories";
import { createTrainingSession, ensureCategories } from "@/tests/factories/training";

beforeAll(ensureCategories);

describe("categories", () => {
  test("the training office adds a category at the end of the list, and can retire it; others may not", async () => {
    const office = actorOf(await createUser({ roles: ["TRAINING_ADMIN", "OFFICER"] }));
    const officer = actorOf(await createUser());
    const code = uniq("CAT_").toUpperCase();
    const created = await createCategory(office, { code: code.toLowerCase(), name: "反诈宣传" });
    expect(created).toEqual({ code, name: "反诈宣传" }); // codes are stored upper-case
    const all = await db.trainingCategory.findMany({ orderBy: { sortOrder: "asc" } });
    expect(all.at(-1)?.code).toBe(code);
    expect((await listCategories(officer)).map((c) => c.code)).toContain(code);
    expect(await db.auditLog.count({ where: { action: "training.category.create", targetId: code } })).toBe(1);

    await expect(createCategory(office, { code, name: "重复" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { code: "该代码已存在" },
    });
    await expect(createCategory(officer, { code: uniq("CAT_").toUpperCase(), name: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });

    await setCategoryActive(office, code, false);
    expect((await listCategories(officer)).map((c) => c.code)).not.toContain(code);
    expect((await listCategories(office, { includeInactive: true })).map((c) => c.code)).toContain(code);
  });
});

describe("overlap warnings", () => {
  test("lists my other published sessions that overlap in time, seated or waitlisted, not cancelled ones or others'", async () => {
    const me = actorOf(await createUser());
    const other = actorOf(await createUser());
    const base = new Date(Date.now() + 20 * 86400_000);
    const at = (h: number) => new Date(base.getTime() + h * 3600_000);
    const target = await createTrainingSession({ startsAt: at(0), endsAt: at(3) });
    const overlapping = await createTrainingSession({ startsAt: at(2), endsAt: at(4) });
    const waitlisted = await createTrainingSession({ startsAt: at(-1), endsAt: at(1), capacity: 1 });
    const touching = await createTrainingSession({ startsAt: at(3), endsAt: at(5) }); // starts as the target ends
    const cancelledByMe = await createTrainingSession({ startsAt: at(1), endsAt: at(2) });
    const notMine = await createTrainingSession({ startsAt: at(1), endsAt: at(2) });

    await enrolSelf(me, overlapping.id);
    await enrolSelf(other, waitlisted.id);
    await enrolSelf(me, waitlisted.id); // waitlisted
    await enrolSelf(me, touching.id);
    await db.trainingEnrollment.create({ data: { sessionId: cancelledByMe.id, userId: me.id, status: "CANCELLED" } });
    await enrolSelf(other, notMine.id);

    const found = await listMyOverlaps(me, target);
    expect(found.map((s) => s.id).sort()).toEqual([overlapping.id, waitlisted.id].sort());
  });
});

describe("the sign-in sheet", () => {
  test("has one line per seated officer in enrolment order — not the waitlist, not cancellations — for the lecturer and the office only", async () => {
    const lecturer = actorOf(await createUser({ roles: ["OFFICER", "LECTURER"] }));
    const office = actorOf(await createUser({ roles: ["TRAINING_ADMIN", "OFFICER"] }));
    const s = await createTrainingSession({ capacity: 2, lecturerUserId: lecturer.id });
    const [a, b, c, d] = [
      actorOf(await createUser()),
      actorOf(await createUser()),
      actorOf(await createUser()),
      actorOf(await createUser()),
    ];
    await enrolSelf(a, s.id);
    await enrolSelf(b, s.id);
    await enrolSelf(c, s.id); // waitlisted
    await db.trainingEnrollment.create({ data: { sessionId: s.id, userId: d.id, status: "CANCELLED" } });

    const sheet = await listSignInSheet(lecturer, s.id);
    expect(sheet.map((r) => r.user.id)).toEqual([a.id, b.id]);
    expect(sheet[0]!.user).toMatchObject({ badgeNo: a.badgeNo, name: a.name, unitName: a.unitName });
    expect((await listSignInSheet(office, s.id)).map((r) => r.user.id)).toEqual([a.id, b.id]);
    await expect(listSignInSheet(a, s.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
