// The unit tree from a sheet (issue 12 item 2) on real PostgreSQL: parents from the tree or the
// same sheet in any order, materialised paths, every bad row (cycles, unknown parents, duplicate
// or existing codes, bad kinds) reported with nothing written, and only SYS_ADMIN.
import ExcelJS from "exceljs";
import { db } from "@/lib/db";
import { commitUnitImport, previewUnitImport } from "@/lib/users/unit-import";
import { actorOf, createUnit, createUser, uniq } from "@/tests/factories";

let sysAdmin: ReturnType<typeof actorOf>;
let hr: ReturnType<typeof actorOf>;
let root: Awaited<ReturnType<typeof createUnit>>;

beforeAll(async () => {
  root = await createUnit({ name: `单位导入分局${uniq()}`, code: uniq("UIR-").toUpperCase() });
  sysAdmin = actorOf(await createUser({ roles: ["SYS_ADMIN"], unitId: root.id }));
  hr = actorOf(await createUser({ roles: ["HR"], unitId: root.id }));
});

const csv = (lines: string[][]) => Buffer.from("\uFEFF" + lines.map((l) => l.join(",")).join("\n"), "utf8");
const code = () => uniq("U").toUpperCase();

test("parents from the tree or from the sheet (even a later row) get correct paths; audited", async () => {
  const [st, team, brigade] = [code(), code(), code()];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("单位");
  ws.addRow(["code", "name", "parent", "kind"]);
  ws.addRow([team, "一中队", st, "警务团队"]); // its parent comes on the next row
  ws.addRow([st, "新区派出所", root.code, "派出所"]);
  ws.addRow([brigade, "交警大队", "", "BRIGADE"]);
  const data = Buffer.from(await wb.xlsx.writeBuffer());

  const preview = await previewUnitImport(sysAdmin, { data, fileName: "单位.xlsx" });
  expect(preview).toMatchObject({ count: 3, errors: [] });
  expect(await db.unit.count({ where: { code: { in: [st, team, brigade] } } })).toBe(0);

  expect(await commitUnitImport(sysAdmin, { data, fileName: "单位.xlsx" })).toEqual({ created: 3 });
  const made = new Map((await db.unit.findMany({ where: { code: { in: [st, team, brigade] } } })).map((u) => [u.code, u]));
  expect(made.get(st)).toMatchObject({ parentId: root.id, kind: "STATION", name: "新区派出所", path: `${root.path}${made.get(st)!.id}/` });
  expect(made.get(team)).toMatchObject({ parentId: made.get(st)!.id, kind: "TEAM", path: `${made.get(st)!.path}${made.get(team)!.id}/` });
  expect(made.get(brigade)).toMatchObject({ parentId: null, path: `/${made.get(brigade)!.id}/` });
  const audit = await db.auditLog.findFirst({ where: { actorId: sysAdmin.id, action: "admin.unit.import" }, orderBy: { at: "desc" } });
  expect(audit?.details).toMatchObject({ created: 3 });
});

test("every bad row is reported (cycle, self parent, unknown parent, duplicate and existing code, kind, name) and nothing written", async () => {
  const [a, b, c, ok, dup, self] = [code(), code(), code(), code(), code(), code()];
  const data = csv([
    ["代码", "名称", "上级", "类别"],
    [ok, "好的派出所", root.code, "派出所"],
    [a, "甲", b, "大队"],
    [b, "乙", c, "大队"],
    [c, "丙", a, "大队"],
    [dup, "重复一", "", "分局"],
    [dup.toLowerCase(), "重复二", "", "分局"],
    [root.code, "已存在", "", "分局"],
    [code(), "无上级", "NO-SUCH-PARENT", "派出所"],
    [self, "自己", self, "派出所"],
    [code(), "类别错", "", "支队"],
    [code(), "", "", "分局"],
    ["坏代码", "代码错", "", "分局"],
  ]);
  const preview = await previewUnitImport(sysAdmin, { data, fileName: "units.csv" });
  expect(preview.count).toBe(12);
  expect(preview.errors.map((e) => e.row)).toEqual([3, 4, 5, 7, 8, 9, 10, 11, 12, 13]);
  const msg = new Map(preview.errors.map((e) => [e.row, e.message]));
  for (const r of [3, 4, 5]) expect(msg.get(r)).toMatch(/成环/);
  expect(msg.get(7)).toMatch(/与第 6 行重复/);
  expect(msg.get(8)).toMatch(/已存在/);
  expect(msg.get(9)).toMatch(/未知上级单位/);
  expect(msg.get(10)).toMatch(/不能是自己/);
  expect(msg.get(11)).toMatch(/类别/);
  expect(msg.get(12)).toMatch(/缺少名称/);
  expect(msg.get(13)).toMatch(/格式不对/);

  await expect(commitUnitImport(sysAdmin, { data, fileName: "units.csv" })).rejects.toMatchObject({
    code: "IMPORT_REJECTED",
    status: 400,
    extra: { rows: preview.errors },
  });
  expect(await db.unit.count({ where: { code: { in: [ok, a, b, c, dup, self] } } })).toBe(0);
});

test("a missing column is a file error, and only SYS_ADMIN may import", async () => {
  await expect(
    previewUnitImport(sysAdmin, {
      data: csv([
        ["代码", "名称", "上级"],
        ["X1", "甲", ""],
      ]),
      fileName: "u.csv",
    }),
  ).rejects.toMatchObject({
    code: "VALIDATION_FAILED",
    fields: { file: expect.stringMatching(/类别/) },
  });
  const data = csv([
    ["代码", "名称", "类别"],
    [code(), "甲", "分局"],
  ]); // 上级 is optional
  await expect(previewUnitImport(hr, { data, fileName: "u.csv" })).rejects.toMatchObject({ status: 403 });
  await expect(commitUnitImport(hr, { data, fileName: "u.csv" })).rejects.toMatchObject({ status: 403 });
  expect((await previewUnitImport(sysAdmin, { data, fileName: "u.csv" })).errors).toEqual([]);
});

test("5,000 units, children listed before their parents: one unknown parent rejects all; the fixed sheet creates all (timed)", async () => {
  const prefix = uniq("K").toUpperCase();
  const lines: string[][] = [["代码", "名称", "上级", "类别"]];
  // 50 stations under the root, 99 teams under each; every team row comes before its station
  for (let s = 0; s < 50; s++) {
    for (let t = 0; t < 99; t++) lines.push([`${prefix}-${s}-${t}`, `警务队${s}-${t}`, `${prefix}-${s}`, "警务团队"]);
    lines.push([`${prefix}-${s}`, `派出所${s}`, root.code, "派出所"]);
  }
  const bad = lines.map((l) => [...l]);
  bad[2500]![2] = "NO-SUCH-UNIT";
  await expect(commitUnitImport(sysAdmin, { data: csv(bad), fileName: "5000-bad.csv" })).rejects.toMatchObject({
    code: "IMPORT_REJECTED",
    extra: { rows: [{ row: 2501, message: expect.stringMatching(/未知上级单位/) }] },
  });
  expect(await db.unit.count({ where: { code: { startsWith: `${prefix}-` } } })).toBe(0);

  const t0 = performance.now();
  const preview = await previewUnitImport(sysAdmin, { data: csv(lines), fileName: "5000.csv" });
  const t1 = performance.now();
  expect(await commitUnitImport(sysAdmin, { data: csv(lines), fileName: "5000.csv" })).toEqual({ created: 5000 });
  const t2 = performance.now();
  expect([preview.count, preview.errors.length]).toEqual([5000, 0]);
  const team = await db.unit.findUniqueOrThrow({ where: { code: `${prefix}-7-42` }, include: { parent: true } });
  expect(team.parent?.code).toBe(`${prefix}-7`);
  expect(team.path).toBe(`${root.path}${team.parentId}/${team.id}/`);
  console.log(`5,000-row unit import: preview ${Math.round(t1 - t0)} ms, commit ${Math.round(t2 - t1)} ms`);
}, 120_000);
