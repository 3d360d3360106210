import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { localized } from "@/lib/i18n/localized";
import { serviceJson } from "@/lib/medical/dto";
import { saveService } from "@/lib/medical/mutations";
import { listServices } from "@/lib/medical/queries";
import { createCategory } from "@/lib/training/mutations";
import { getSession, listCategories } from "@/lib/training/queries";
import { sessionJson } from "@/lib/training/serialize";
import { actorOf, createUser, uniq } from "@/tests/factories";
import { ensureHospital } from "@/tests/factories/medical";
import { createTrainingSession, ensureCategories } from "@/tests/factories/training";

const migration = () => {
  const dir = path.join(process.cwd(), "prisma", "migrations");
  const name = readdirSync(dir).find((d) => d.endsWith("_english_names"))!;
  return readFileSync(path.join(dir, name, "migration.sql"), "utf8");
};

test("the migration backfills the English names of the seeded codes and keeps what is there", async () => {
  await ensureCategories();
  const h = await ensureHospital();
  await db.medicalService.upsert({
    where: { code: "LIVER_CHECK" },
    create: { code: "LIVER_CHECK", name: "免费肝脏检查", hospitalId: h.id },
    update: { nameEn: "" },
  });
  await db.trainingCategory.update({ where: { code: "DRONE" }, data: { nameEn: "" } });
  await db.trainingCategory.update({ where: { code: "HEALTH" }, data: { nameEn: "Kept as HR typed it" } });
  // the statements after the "-- Backfill" comment line, run again on rows that lost their English name
  const backfill = migration().split("-- Backfill")[1]!.split("\n").slice(1).join("\n");
  for (const stmt of backfill.split(";").filter((s) => /UPDATE/.test(s))) await db.$executeRawUnsafe(stmt);
  expect((await db.trainingCategory.findUniqueOrThrow({ where: { code: "DRONE" } })).nameEn).toBe("Police drones");
  expect((await db.trainingCategory.findUniqueOrThrow({ where: { code: "HEALTH" } })).nameEn).toBe("Kept as HR typed it");
  expect((await db.medicalService.findUniqueOrThrow({ where: { code: "LIVER_CHECK" } })).nameEn).toBe("Free liver check");
});

test("categories and sessions carry the English name beside the Chinese one; the API keeps name", async () => {
  await ensureCategories();
  const officer = actorOf(await createUser());
  const cats = await listCategories(officer);
  expect(cats.find((c) => c.code === "LAW_ENFORCEMENT")).toMatchObject({ name: "执法规范化", nameEn: "Law-enforcement standards" });
  const s = await createTrainingSession({ category: "DISPUTE_RESOLUTION" });
  const dto = await getSession(officer, s.id);
  expect(dto).toMatchObject({ categoryName: "矛盾纠纷排查化解", categoryNameEn: "Dispute screening and resolution" });
  expect(sessionJson(dto)).toMatchObject({ categoryName: "矛盾纠纷排查化解", categoryNameEn: "Dispute screening and resolution" });
});

test("the training office and the liaison can give new categories and services an English name", async () => {
  const office = actorOf(await createUser({ roles: ["TRAINING_ADMIN"] }));
  const liaison = actorOf(await createUser({ roles: ["MEDICAL_LIAISON"] }));
  const code = uniq("CAT_").toUpperCase();
  await createCategory(office, { code, name: "反诈宣传", nameEn: "Anti-fraud outreach" });
  expect((await db.trainingCategory.findUniqueOrThrow({ where: { code } })).nameEn).toBe("Anti-fraud outreach");
  const bare = uniq("CAT_").toUpperCase();
  await createCategory(office, { code: bare, name: "无英文名" });
  expect((await db.trainingCategory.findUniqueOrThrow({ where: { code: bare } })).nameEn).toBe("");

  const h = await ensureHospital();
  const svc = uniq("SVC_").toUpperCase();
  await saveService(liaison, { code: svc, name: "心理咨询", nameEn: "Counselling", hospitalId: h.id, active: "on" });
  const listed = (await listServices(liaison)).find((s) => s.code === svc)!;
  expect(serviceJson(listed)).toMatchObject({ name: "心理咨询", nameEn: "Counselling" });
});

test("the English UI shows the English name when there is one, the Chinese otherwise", () => {
  expect(localized("en", "执法规范化", "Law-enforcement standards")).toBe("Law-enforcement standards");
  expect(localized("en", "执法规范化", "")).toBe("执法规范化");
  expect(localized("zh-CN", "执法规范化", "Law-enforcement standards")).toBe("执法规范化");
});
