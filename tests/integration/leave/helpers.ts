import type { Role } from "@/lib/access";
import { actorOf, createUnit, createUser } from "@/tests/factories";
import { createLeavePerson, ensureOfficialCalendar } from "@/tests/factories/leave";

/** The domain error a promise rejects with, for compact assertions. */
export async function failure(
  p: Promise<unknown>,
): Promise<{ code: string; status: number; fields?: Record<string, string>; message: string }> {
  try {
    await p;
  } catch (e) {
    const x = e as { code: string; status: number; fields?: Record<string, string>; message: string };
    return { code: x.code, status: x.status, fields: x.fields, message: x.message };
  }
  throw new Error("expected a rejection");
}

/**
 * bureau ─ stationA ─ teamA1 ; bureau ─ stationB, with unit leads at the bureau, stationA (two)
 * and stationB, HR at the bureau, people in teamA1 and stationA.
 */
export async function leaveWorld() {
  await ensureOfficialCalendar(2026);
  const bureau = await createUnit({ name: "测试分局", kind: "BUREAU" });
  const stationA = await createUnit({ parentId: bureau.id, name: "甲派出所" });
  const teamA1 = await createUnit({ parentId: stationA.id, name: "甲社区警务队", kind: "TEAM" });
  const stationB = await createUnit({ parentId: bureau.id, name: "乙派出所" });
  const lead = (unitId: string, name: string) => createLeavePerson({ unitId, roles: ["OFFICER", "UNIT_LEAD"], name });
  return {
    bureau,
    stationA,
    teamA1,
    stationB,
    bureauLead: await lead(bureau.id, "分局领导"),
    leadA: await lead(stationA.id, "甲所长"),
    leadA2: await lead(stationA.id, "甲教导员"),
    leadB: await lead(stationB.id, "乙所长"),
    hr: actorOf(await createUser({ roles: ["HR", "OFFICER"], unitId: bureau.id })),
    officerA: await createLeavePerson({ unitId: stationA.id }),
    teamOfficer: await createLeavePerson({ unitId: teamA1.id }),
    auxA: await createLeavePerson({ unitId: teamA1.id, roles: ["AUXILIARY"] as Role[] }),
  };
}

export type LeaveWorld = Awaited<ReturnType<typeof leaveWorld>>;
