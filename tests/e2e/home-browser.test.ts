// The role home pages and the bell in a real Chromium: an officer on a phone marks a notice read
// from the bell; the lecturer, the training office and the unit lead see their own cards; the
// English UI shows the English names of stored categories.
import type { Browser } from "playwright-core";
import { BASE_URL, dbQuery, describeBrowser, launchBrowser, signInPage } from "./support";

const PHONE = { width: 375, height: 800 };

describeBrowser("home pages and the bell", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("an officer on a phone opens the bell and marks a notice read", async () => {
    const [u] = await dbQuery<{ id: string }>(`SELECT id FROM "User" WHERE "badgeNo" = '100018'`);
    const title = `候补转正-${Date.now() % 100000}`;
    const [n] = await dbQuery<{ id: string }>(
      `INSERT INTO "Notification" (id, "userId", kind, title, body, "titleEn", "bodyEn", "createdAt")
       VALUES ('e2eb' || md5(random()::text), $1, 'e2e.bell', $2, '您已由候补转为正式报名', '', '', now()) RETURNING id`,
      [u!.id, title],
    );
    const page = await signInPage(browser, "100018", undefined, PHONE);
    await page.getByTestId("home-notices").getByText(title).waitFor();
    const bell = page.getByTestId("notification-bell");
    await bell.locator("summary").click();
    await bell.getByRole("button", { name: `标为已读：${title}` }).click();
    await page.waitForFunction((t) => !document.querySelector('[data-testid="notification-bell"]')?.textContent?.includes(t), title);
    const [row] = await dbQuery<{ readAt: Date | null }>(`SELECT "readAt" FROM "Notification" WHERE id = $1`, [n!.id]);
    expect(row!.readAt).not.toBeNull();
    // the page fits the phone: no sideways scrolling
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.context().close();
  });

  test("the lecturer, the training office and the unit lead each see their own card", async () => {
    const lecturer = await signInPage(browser, "100002");
    await lecturer.getByRole("heading", { name: "我的下一次授课" }).waitFor();
    const qr = lecturer.getByRole("link", { name: "出示签到二维码" });
    if (await qr.count()) expect(await qr.getAttribute("href")).toMatch(/^\/training\/[^/]+\/qr$/);
    await lecturer.context().close();

    const office = await signInPage(browser, "010001");
    await office.getByTestId("home-training-admin").waitFor();
    expect(await office.getByTestId("home-training-admin").textContent()).toMatch(/草稿 \d+ 个/);
    await office.context().close();

    const lead = await signInPage(browser, "100001");
    await lead.getByTestId("home-unit-lead").waitFor();
    expect(await lead.getByTestId("home-unit-lead").textContent()).toMatch(/学时未达标 \d+ 人/);
    await lead.context().close();
  });

  test("in English the home page and the stored category names are English", async () => {
    const page = await signInPage(browser, "100005");
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: BASE_URL }]);
    await page.goto("/");
    await page.getByRole("heading", { name: "Coming up" }).waitFor();
    await page.goto("/training");
    expect(await page.content()).toContain("Law-enforcement standards");
    await page.context().close();
  });
});
