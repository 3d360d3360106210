import { createUnit, createUser, actorOf } from "@/tests/factories";
import { createAuxiliaryProfile } from "@/tests/factories/benefits";

/** root ─ stationA ─ teamA ; root ─ stationB, with HR at stationA and at root. */
export async function world() {
  const root = await createUnit({ name: "测试分局" });
  const stationA = await createUnit({ parentId: root.id, name: "甲派出所" });
  const teamA = await createUnit({ parentId: stationA.id, name: "甲警务队", kind: "TEAM" });
  const stationB = await createUnit({ parentId: root.id, name: "乙派出所" });
  const hrA = actorOf(await createUser({ roles: ["HR", "OFFICER"], unitId: stationA.id }));
  const hrA2 = actorOf(await createUser({ roles: ["HR"], unitId: stationA.id }));
  const hrRoot = actorOf(await createUser({ roles: ["HR"], unitId: root.id }));
  const officer = actorOf(await createUser({ roles: ["OFFICER"], unitId: stationA.id }));
  const sysAdmin = actorOf(await createUser({ roles: ["SYS_ADMIN"], unitId: root.id }));
  const auxUserA = await createUser({ roles: ["AUXILIARY"], unitId: teamA.id });
  const auxUserB = await createUser({ roles: ["AUXILIARY"], unitId: stationB.id });
  const profA = await createAuxiliaryProfile({ unitId: teamA.id, userId: auxUserA.id });
  const profB = await createAuxiliaryProfile({ unitId: stationB.id, userId: auxUserB.id });
  return {
    root,
    stationA,
    teamA,
    stationB,
    hrA,
    hrA2,
    hrRoot,
    officer,
    sysAdmin,
    auxA: actorOf(auxUserA),
    auxB: actorOf(auxUserB),
    profA,
    profB,
  };
}
