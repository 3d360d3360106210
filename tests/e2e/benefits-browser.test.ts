// HR imports a pay sheet in a real Chromium: a bad row is rejected and listed, the fixed sheet
// imports, and the auxiliary officer then sees their pay line.
import type { Browser } from "playwright-core";
import { dbQuery, describeBrowser, launchBrowser, signInPage } from "./support";

const HEADER = "辅警编号,基本工资,层级津贴,工龄津贴,绩效,社会保险,住房公积金,其他扣款,实发";
const line = (auxNo: string, net: string) => `${auxNo},3100.00,400.00,150.00,900.55,320.00,210.00,0,${net}`;

describeBrowser("benefits in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("HR imports a pay sheet with one bad row, fixes it, and the auxiliary officer sees the line", async () => {
    const year = 2100 + Math.floor(Math.random() * 800);
    const month = `${year}-0${1 + Math.floor(Math.random() * 9)}`;
    const hr = await signInPage(browser, "020001");
    await hr.goto("/benefits/pay-import");
    const upload = async (csv: string) => {
      await hr.locator('input[type="file"]').setInputFiles({ name: "工资表.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
      await hr.locator('input[name="month"]').fill(month);
      await hr.getByRole("button", { name: "确认导入" }).click();
    };
    await upload([HEADER, line("F00004", "4020.55"), line("F00005", "4020.56")].join("\n"));
    const rejected = hr.getByTestId("rejected-rows");
    await rejected.waitFor();
    expect(await rejected.textContent()).toContain("行号 3");
    await upload([HEADER, line("F00004", "4020.55"), line("F00005", "4020.55")].join("\n"));
    await hr.getByText("已导入 2 行").waitFor();
    await hr.context().close();

    const aux = await signInPage(browser, "F00004", undefined, { width: 375, height: 800 });
    await aux.goto(`/benefits/me?tab=PAY&year=${year}`);
    const row = aux.getByTestId("pay-line").filter({ hasText: month });
    await row.waitFor();
    expect(await row.textContent()).toContain("4020.55");
    expect(await aux.getByTestId("id-number").textContent()).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(await aux.getByText("查看完整身份证号").count()).toBe(0);
    await aux.context().close();
  });

  test("a pay line changed in the database shows 数据校验失败 in red, not as a genuine figure", async () => {
    const [line] = await dbQuery<{ id: string; month: string; profileId: string }>(
      `SELECT l.id, l.month, l."profileId" FROM "PayLine" l JOIN "AuxiliaryProfile" p ON p.id = l."profileId"
       WHERE p."auxNo" = 'F00011' ORDER BY l.month DESC LIMIT 1`,
    );
    expect(line).toBeDefined();
    await dbQuery(`UPDATE "PayLine" SET base = base + 1000, net = net + 1000 WHERE id = $1`, [line!.id]);
    const hr = await signInPage(browser, "020001");
    await hr.goto(`/benefits/${line!.profileId}?tab=PAY&year=${line!.month.slice(0, 4)}`);
    const row = hr.getByTestId("pay-line").filter({ hasText: line!.month });
    await row.waitFor();
    const flag = row.getByTestId("integrity-tampered");
    expect(await flag.textContent()).toBe("数据校验失败");
    expect(await flag.getAttribute("class")).toContain("text-red-700");
    // the other months stay genuine
    expect(await hr.getByTestId("integrity-tampered").count()).toBe(1);
    await hr.context().close();
  });

  test("HR reveals a full ID number only by clicking, on the profile page", async () => {
    const hr = await signInPage(browser, "020001");
    await hr.goto("/benefits?q=F00006");
    await hr.getByRole("link", { name: "F00006" }).click();
    const id = hr.getByTestId("id-number");
    await id.waitFor();
    expect(await id.textContent()).toMatch(/\*{10}/);
    await hr.getByText("查看完整身份证号").click();
    await hr.waitForFunction(() => /^\d{17}[\dX]$/.test(document.querySelector('[data-testid="id-number"]')?.textContent ?? ""));
    await hr.context().close();
  });

  test("every HR page renders without errors and fits a 375 px phone", async () => {
    const hr = await signInPage(browser, "020001", undefined, { width: 375, height: 800 });
    await hr.goto("/benefits?q=F00001");
    await hr.getByRole("link", { name: "F00001" }).click();
    await hr.waitForURL(/\/benefits\/[^/]+$/);
    const profile = new URL(hr.url()).pathname;
    const pages = [
      "/benefits",
      "/benefits/dashboard",
      "/benefits/equipment",
      "/benefits/campaigns",
      "/benefits/promotion",
      "/benefits/pay-import",
      "/benefits/new",
      ...["ALL", "RECRUITMENT", "PAY", "EQUIPMENT", "TRAINING", "COMPENSATION", "PROMOTION", "AWARD", "LEAVE"].map(
        (tab) => `${profile}?tab=${tab}`,
      ),
      `${profile}/edit`,
    ];
    for (const path of pages) {
      const res = await hr.goto(path);
      expect([path, res?.status()]).toEqual([path, 200]);
      expect(await hr.getByText("出错了").count()).toBe(0);
      const overflow = await hr.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect([path, overflow <= 0]).toEqual([path, true]);
      if (process.env.SHOTS_DIR)
        await hr.screenshot({ path: `${process.env.SHOTS_DIR}/${path.replace(/[^a-zA-Z0-9]+/g, "_")}.png`, fullPage: true });
    }
    await hr.context().close();
  });
});
