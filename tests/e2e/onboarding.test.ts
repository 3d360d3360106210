// Onboarding from spreadsheets over HTTP (issue 12 item 2, API.md "Administration → import"):
// the unit and auxiliary profile imports' status codes and shapes against the demo seed, and the
// unit import page in the browser (bad rows → fixed sheet → confirm). Rows it writes are its own.
import type { Browser } from "playwright-core";
import { makeIdNumber } from "@/lib/benefits/idcard";
import { ApiClient, dbQuery, describeBrowser, launchBrowser, signedIn, signInPage } from "./support";

const code = (r: { data: { error?: { code?: string } } | null }) => r.data?.error?.code;
const stamp = () => Date.now().toString(36).toUpperCase() + Math.floor(Math.random() * 1e3);
function upload(csv: string, name = "sheet.csv") {
  const fd = new FormData();
  fd.set("file", new Blob([`\uFEFF${csv}`], { type: "text/csv" }), name);
  return fd;
}

describe("onboarding import API", () => {
  let sys: ApiClient, hr: ApiClient, officer: ApiClient;
  let hrUnit: { code: string } | undefined;
  beforeAll(async () => {
    [sys, hr, officer] = await Promise.all([signedIn("000001"), signedIn("020001"), signedIn("100005")]);
    [hrUnit] = await dbQuery<{ code: string }>(
      `SELECT u.code FROM "User" p JOIN "Unit" u ON u.id = p."unitId" WHERE p."badgeNo" = '020001'`,
    );
  });

  test("POST /admin/units/import: 401, 403, 400 with every bad row and nothing written, dryRun 200, then 201", async () => {
    const [a, b] = [`E2E-${stamp()}A`, `E2E-${stamp()}B`];
    const bad = `代码,名称,上级,类别\n${a},甲,${b},大队\n${b},乙,${a},大队\nX-${a},丙,NOPE-${a},派出所\n`;
    expect((await new ApiClient().req("POST", "/api/v1/admin/units/import", { raw: upload(bad) })).status).toBe(401);
    expect((await officer.req("POST", "/api/v1/admin/units/import", { raw: upload(bad) })).status).toBe(403);
    expect((await hr.req("POST", "/api/v1/admin/units/import", { raw: upload(bad) })).status).toBe(403);
    const rejected = await sys.req("POST", "/api/v1/admin/units/import", { raw: upload(bad) });
    expect([rejected.status, code(rejected)]).toEqual([400, "IMPORT_REJECTED"]);
    expect(rejected.data.error.rows.map((r: { row: number }) => r.row)).toEqual([2, 3, 4]);
    expect(await dbQuery(`SELECT 1 FROM "Unit" WHERE code = ANY($1)`, [[a, b]])).toEqual([]);

    const noColumn = await sys.req("POST", "/api/v1/admin/units/import", { raw: upload(`代码,名称\n${a},甲\n`) });
    expect([noColumn.status, code(noColumn)]).toEqual([400, "VALIDATION_FAILED"]);

    const good = `code,name,parent,kind\n${b},乙大队,${a},BRIGADE\n${a},甲分局,,分局\n`;
    const dry = await sys.req("POST", "/api/v1/admin/units/import?dryRun=true", { raw: upload(good) });
    expect([dry.status, dry.data.count, dry.data.errors]).toEqual([200, 2, []]);
    expect(await dbQuery(`SELECT 1 FROM "Unit" WHERE code = ANY($1)`, [[a, b]])).toEqual([]);
    const made = await sys.req("POST", "/api/v1/admin/units/import", { raw: upload(good) });
    expect([made.status, made.data]).toEqual([201, { created: 2 }]);
    const units = (await sys.req("GET", "/api/v1/admin/units")).data as { id: string; code: string; parentId: string | null }[];
    const byCode = new Map(units.map((u) => [u.code, u]));
    expect(byCode.get(b)?.parentId).toBe(byCode.get(a)?.id);
  });

  test("POST /benefits/auxiliaries/import: 403 for others, 400 for a bad ID number or duplicate, dryRun masks, 201", async () => {
    const no = (i: number) => `Q${String(Date.now() % 1e6).padStart(6, "0")}${i}`;
    // valid, and not in the demo seed: a random day in 1990–2004, an odd sequence
    const rnd = (n: number) => Math.floor(Math.random() * n);
    const anId = () =>
      makeIdNumber(
        "210304",
        `${1990 + rnd(15)}${String(1 + rnd(12)).padStart(2, "0")}${String(1 + rnd(28)).padStart(2, "0")}`,
        1 + 2 * rnd(499),
      );
    const [id1, id2] = [anId(), anId()];
    const head = "辅警编号,姓名,身份证号,单位,岗位,入职日期,层级\n";
    const broken = id1.slice(0, 17) + (id1[17] === "1" ? "2" : "1");
    const bad = `${head}${no(1)},甲,${broken},${hrUnit!.code},勤务,2025-01-01,1\n${no(2)},乙,${id2},${hrUnit!.code},文职,2025-01-01,1\n${no(3)},丙,${id2},${hrUnit!.code},文职,2025-01-01,1\n`;
    expect((await sys.req("POST", "/api/v1/benefits/auxiliaries/import", { raw: upload(bad) })).status).toBe(403);
    expect((await officer.req("POST", "/api/v1/benefits/auxiliaries/import", { raw: upload(bad) })).status).toBe(403);
    const rejected = await hr.req("POST", "/api/v1/benefits/auxiliaries/import", { raw: upload(bad) });
    expect([rejected.status, code(rejected)]).toEqual([400, "IMPORT_REJECTED"]);
    expect(rejected.data.error.rows.map((r: { row: number }) => r.row)).toEqual([2, 4]);
    expect(JSON.stringify(rejected.data)).not.toContain(id2);

    const good = `${head}${no(1)},甲,${id1},${hrUnit!.code},勤务,2025-01-01,1\n${no(2)},乙,${id2},${hrUnit!.code},文职,2025-01-01,2\n`;
    const dry = await hr.req("POST", "/api/v1/benefits/auxiliaries/import?dryRun=true", { raw: upload(good) });
    expect([dry.status, dry.data.count, dry.data.errors]).toEqual([200, 2, []]);
    expect(JSON.stringify(dry.data)).not.toContain(id1);
    const made = await hr.req("POST", "/api/v1/benefits/auxiliaries/import", { raw: upload(good) });
    expect([made.status, made.data]).toEqual([201, { created: 2, linked: 0 }]);
    const again = await hr.req("POST", "/api/v1/benefits/auxiliaries/import", { raw: upload(good) });
    expect([again.status, code(again)]).toEqual([400, "IMPORT_REJECTED"]);
    expect(again.data.error.rows[0].message).toMatch(/已存在|已登记/);
  });

  test("the OpenAPI document lists both import routes", async () => {
    const r = await new ApiClient().req("GET", "/api/v1/openapi.json");
    expect(Object.keys(r.data.paths)).toEqual(
      expect.arrayContaining(["/api/v1/admin/units/import", "/api/v1/benefits/auxiliaries/import"]),
    );
  });
});

describeBrowser("unit import in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("bad rows listed and confirm disabled → fixed sheet → row count → confirm → created", async () => {
    const sys = await signInPage(browser, "000001");
    const [a, b] = [`WB-${stamp()}A`, `WB-${stamp()}B`];
    await sys.goto("/admin/units/import");
    const choose = (csv: string) =>
      sys.locator('input[type="file"]').setInputFiles({ name: "单位.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await choose(`代码,名称,上级,类别\n${a},浏览器分局,,分局\n${b},浏览器所,NOPE-${b},派出所\n${a},重复,,分局\n`);
    await sys.getByRole("button", { name: "预览" }).click();
    const bad = sys.getByTestId("bad-rows");
    await bad.waitFor();
    expect((await bad.locator("li").allTextContents()).map((t) => t.match(/第 (\d+)/)?.[1])).toEqual(["3", "4"]);
    expect(await sys.getByRole("button", { name: "确认导入" }).isDisabled()).toBe(true);

    await choose(`代码,名称,上级,类别\n${b},浏览器所,${a},派出所\n${a},浏览器分局,,分局\n`);
    await sys.getByRole("button", { name: "预览" }).click();
    await sys.getByText("共 2 行，全部无误").waitFor();
    await sys.getByRole("button", { name: "确认导入" }).click();
    await sys.getByTestId("import-done").getByText("已创建 2 个单位").waitFor();
    expect(await dbQuery(`SELECT code FROM "Unit" WHERE code = ANY($1) ORDER BY code`, [[a, b]])).toHaveLength(2);
    await sys.context().close();
  });
});
