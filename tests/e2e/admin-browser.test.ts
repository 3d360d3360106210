// The onboarding journey in a real Chromium (issue 12 item 2): the system administrator uploads a
// sheet, the preview lists every bad row and confirm stays off; the fixed sheet imports, the
// initial passwords download once, and a new officer signs in with one. The security
// administrator then grants a role on the account page with step-up.
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Browser } from "playwright-core";
import { ApiClient, DEMO_PASSWORD, describeBrowser, freshTotp, launchBrowser, signInPage } from "./support";

describeBrowser("administration in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("import: preview with every bad row → fixed sheet → confirm → one-time password download → sign-in → role grant", async () => {
    const sys = await signInPage(browser, "000001");
    const units = (await new ApiClient().useSession("000001").then((c) => c.req("GET", "/api/v1/admin/units"))).data;
    const station = units.find((u: { parentId: string | null }) => u.parentId);
    const stamp = Date.now().toString(36).toUpperCase();
    const [a, b] = [`W${stamp}1`, `W${stamp}2`];
    await sys.goto("/admin/users/import");
    const choose = (csv: string) =>
      sys.locator('input[type="file"]').setInputFiles({ name: "人员.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });

    await choose(
      `警号,姓名,单位,类别\n${a},浏览器甲,${station.code},民警\n${b},浏览器乙,无此单位,辅警\n${a},浏览器丙,${station.code},协警\n`,
    );
    await sys.getByRole("button", { name: "预览" }).click();
    const bad = sys.getByTestId("bad-rows");
    await bad.waitFor();
    expect((await bad.locator("li").allTextContents()).map((t) => t.match(/第 (\d+)/)?.[1])).toEqual(["3", "4"]);
    expect(await sys.getByRole("button", { name: "确认导入" }).isDisabled()).toBe(true);

    await choose(`警号,姓名,单位,类别\n${a},浏览器甲,${station.code},民警\n${b},浏览器乙,${station.name},辅警\n`);
    await sys.getByRole("button", { name: "预览" }).click();
    await sys.getByText("共 2 行，全部无误").waitFor();
    await sys.getByRole("button", { name: "确认导入" }).click();
    await sys.getByText(/已创建 2 个账户/).waitFor();
    const [download] = await Promise.all([
      sys.waitForEvent("download"),
      // the success message's button (the history table below offers the same download)
      sys.getByRole("status").getByRole("button", { name: "下载初始密码表（仅一次）" }).click(),
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const rows = new Map<string, string>();
    wb.worksheets[0]!.eachRow((row, n) => {
      if (n > 1) rows.set(String(row.getCell(1).value), String(row.getCell(5).value));
    });
    expect([...rows.keys()]).toEqual([a, b]);
    await sys.reload();
    await sys
      .getByText(/已于 .* 下载/)
      .first()
      .waitFor();
    await sys.context().close();

    const person = new ApiClient();
    expect(await person.signIn(a, rows.get(a)!, "")).toBe(true);
    await person.req("POST", "/api/v1/me/password", {
      body: { currentPassword: rows.get(a), newPassword: "Browser-Own-2026#", confirmPassword: "Browser-Own-2026#" },
    });

    const sec = await signInPage(browser, "000002");
    await sec.goto(`/admin/users?q=${a}`);
    await sec.getByRole("link", { name: a }).click();
    await sec.getByLabel("授课人").check();
    await sec.getByLabel("您的登录密码（再次验证）").fill(DEMO_PASSWORD);
    await sec.getByLabel("动态验证码（已绑定验证器时必填）").fill(await freshTotp("000002"));
    await sec.getByRole("button", { name: "授予角色" }).click();
    await sec.getByText("角色已更新").waitFor();
    await sec.context().close();
    const me = await person.req("GET", "/api/v1/me");
    expect(me.data.roles).toEqual(expect.arrayContaining(["OFFICER", "LECTURER"]));
  });
});
