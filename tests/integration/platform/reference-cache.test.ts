// The reference-data cache (lib/cache/reference.ts) on real PostgreSQL: categories, required hours
// and hospital services are read once per process, and any write to their tables — by our code or
// by raw SQL on another connection — is seen by the very next read, through the database's NOTIFY
// and the feed's round trip (no sleeping, no timer).
import pg from "pg";
import { silently } from "@/tests/helpers/sql";
import { db } from "@/lib/db";
import { startSessionCache, stopSessionCache } from "@/lib/auth/session-cache";
import { listCategories, requiredHoursFor } from "@/lib/training/queries";
import { listServices } from "@/lib/medical/queries";
import { actorOf, createUser, uniq } from "@/tests/factories";

const sql = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });

const nameOf = async (actor: Parameters<typeof listCategories>[0], code: string) =>
  (await listCategories(actor)).find((c) => c.code === code)?.name;

let code: string;
beforeAll(async () => {
  code = uniq("REF").toUpperCase();
  await db.trainingCategory.create({ data: { code, name: "原名", sortOrder: 900 } });
});
afterAll(async () => {
  await stopSessionCache();
  await db.trainingCategory.deleteMany({ where: { code } });
  await sql.end();
});

describe("with the change feed live", () => {
  beforeAll(async () => {
    expect(await startSessionCache()).toBe(true);
  });

  test("categories are kept: a change the database did not announce is not seen", async () => {
    const officer = actorOf(await createUser());
    // other test files write categories too (an announced change empties the cache): retry until
    // one attempt ran undisturbed
    let kept = false;
    for (let attempt = 0; attempt < 10 && !kept; attempt++) {
      await db.trainingCategory.update({ where: { code }, data: { name: "原名" } });
      expect(await nameOf(officer, code)).toBe("原名");
      await silently(sql, `UPDATE "TrainingCategory" SET name = '悄悄改名' WHERE code = $1`, [code]);
      kept = (await nameOf(officer, code)) === "原名";
    }
    expect(kept).toBe(true);
  });

  test("an announced change — raw SQL on another connection — is seen by the very next read", async () => {
    const officer = actorOf(await createUser());
    await db.trainingCategory.update({ where: { code }, data: { name: "原名", active: true } });
    expect(await nameOf(officer, code)).toBe("原名");
    await sql.query(`UPDATE "TrainingCategory" SET name = '新名' WHERE code = $1`, [code]);
    expect(await nameOf(officer, code)).toBe("新名");
    // deactivating hides it from officers at once, the office still lists it
    await sql.query(`UPDATE "TrainingCategory" SET active = false WHERE code = $1`, [code]);
    expect(await nameOf(officer, code)).toBeUndefined();
    const office = actorOf(await createUser({ roles: ["TRAINING_ADMIN"] }));
    expect((await listCategories(office, { includeInactive: true })).map((c) => c.code)).toContain(code);
    await sql.query(`UPDATE "TrainingCategory" SET active = true WHERE code = $1`, [code]);
  });

  test("required hours and hospital services follow their tables, and a hospital's rename reaches its services", async () => {
    // AUDIT_ADMIN: a role no other test gives a training requirement
    await sql.query(
      `INSERT INTO "TrainingRequirement" (role, hours, "updatedAt") VALUES ('AUDIT_ADMIN', 3, now()) ON CONFLICT (role) DO UPDATE SET hours = 3`,
    );
    try {
      expect(await requiredHoursFor(["AUDIT_ADMIN"])).toBe(3);
      await sql.query(`UPDATE "TrainingRequirement" SET hours = 10 WHERE role = 'AUDIT_ADMIN'`);
      expect(await requiredHoursFor(["AUDIT_ADMIN"])).toBe(10);
    } finally {
      await sql.query(`DELETE FROM "TrainingRequirement" WHERE role = 'AUDIT_ADMIN'`);
    }
    expect(await requiredHoursFor(["AUDIT_ADMIN"])).toBe(0);

    // a hospital and service of this test's own (the factories' hospital is shared by other files)
    const officer = actorOf(await createUser());
    const hospital = await db.medicalHospital.create({ data: { name: uniq("参考缓存医院") } });
    const service = await db.medicalService.create({
      data: { code: uniq("REF_").toUpperCase(), name: "参考缓存服务", hospitalId: hospital.id },
    });
    const listed = async () => (await listServices(officer)).find((s) => s.id === service.id);
    // kept: an unannounced rename is not seen (retry: other files' announced writes empty the cache)
    let kept = false;
    for (let attempt = 0; attempt < 10 && !kept; attempt++) {
      await db.medicalHospital.update({ where: { id: hospital.id }, data: { name: hospital.name } });
      expect((await listed())!.hospital.name).toBe(hospital.name);
      await silently(sql, `UPDATE "MedicalHospital" SET name = $2 WHERE id = $1`, [hospital.id, `${hospital.name}悄悄`]);
      kept = (await listed())!.hospital.name === hospital.name;
    }
    expect(kept).toBe(true);
    // the services are kept with their hospital's name: a write to MedicalHospital drops them too
    await sql.query(`UPDATE "MedicalHospital" SET name = $2 WHERE id = $1`, [hospital.id, `${hospital.name}（新）`]);
    expect((await listed())!.hospital.name).toBe(`${hospital.name}（新）`);
    await sql.query(`UPDATE "MedicalService" SET active = false WHERE id = $1`, [service.id]);
    expect(await listed()).toBeUndefined();
  });
});

describe("without the feed", () => {
  beforeAll(async () => {
    await stopSessionCache();
  });

  test("every read goes to the database: even an unannounced change is seen", async () => {
    const officer = actorOf(await createUser());
    await db.trainingCategory.update({ where: { code }, data: { name: "原名", active: true } });
    expect(await nameOf(officer, code)).toBe("原名");
    await silently(sql, `UPDATE "TrainingCategory" SET name = '悄悄改名' WHERE code = $1`, [code]);
    expect(await nameOf(officer, code)).toBe("悄悄改名");
  });
});
