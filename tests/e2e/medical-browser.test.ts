import type { Browser, Page } from "playwright-core";
import { addDays, mondayOf, shanghaiToday } from "@/lib/time";
import { describeBrowser, launchBrowser, signInPage, signedIn } from "./support";

const slotIds = (page: Page) => page.locator('input[name="slotId"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

describeBrowser("green channel in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("an officer consents, books and cancels on a phone; the liaison checks the visitor in and completes the visit", async () => {
    const page = await signInPage(browser, "100009", undefined, { width: 375, height: 800 });
    await page.goto("/medical?service=FAST_TRACK");
    await page.getByRole("link", { name: "去阅读并同意" }).click();
    await page.waitForURL(/\/medical\/consent/);
    await page.getByLabel(/单独同意上述处理/).check();
    await page.getByRole("button", { name: "我同意" }).click();
    await page.getByText("已同意", { exact: true }).waitFor();
    const api = await signedIn("100009");

    // one week at a time: this week has no way back; 下一周 shows next week's slots, as the API lists them
    await page.goto("/medical?service=FAST_TRACK");
    expect(await page.getByRole("link", { name: "上一周" }).count()).toBe(0);
    await page.getByRole("link", { name: "下一周" }).click();
    const nextMonday = addDays(mondayOf(shanghaiToday()), 7);
    await page.waitForURL((u) => u.searchParams.get("week") === nextMonday && u.searchParams.get("service") === "FAST_TRACK");
    const listed = await api.req(
      "GET",
      `/api/v1/medical/slots?service=FAST_TRACK&from=${nextMonday}&to=${addDays(nextMonday, 6)}&pageSize=100`,
    );
    const shown = await slotIds(page);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.sort()).toEqual((listed.data.items as { id: string }[]).map((s) => s.id).sort());
    await page.getByRole("link", { name: "上一周" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

    // the first week that still has a free time (late in the week, this one may have none left)
    const book = async () => {
      await page.goto("/medical?service=FAST_TRACK");
      const free = page.locator('input[name="slotId"]:not([disabled])');
      while (!(await free.count())) await page.goto((await page.getByRole("link", { name: "下一周" }).getAttribute("href"))!);
      await free.first().check();
      await page.getByLabel("健康备注（选填）").fill("E2E 浏览器备注");
      await page.getByRole("button", { name: "确认预约" }).click();
      await page.getByText("预约成功，已发送通知。").waitFor();
    };
    await book();
    const list = page.getByTestId("my-bookings");
    await list.getByText("已预约").first().waitFor();
    await list.getByRole("button", { name: "取消预约" }).first().click();
    await list.getByRole("alertdialog").getByRole("button", { name: "确定" }).click(); // irreversible: it asks first
    await list.getByText("已取消").first().waitFor();
    expect(await list.getByText("已预约").count()).toBe(0);

    await book();
    const mine = await api.req("GET", "/api/v1/medical/bookings?status=BOOKED");
    const booking = mine.data.items[0];
    expect(booking.service.code).toBe("FAST_TRACK");
    const date = (booking.startsAt as string).slice(0, 10);

    const desk = await signInPage(browser, "030001");
    await desk.goto(`/medical/manage?date=${date}`);
    const row = desk.getByTestId("board-100009").filter({ hasNotText: "已取消" });
    await row.getByRole("button", { name: "签到" }).click();
    await row.getByRole("alertdialog").getByRole("button", { name: "确定" }).click();
    await row.getByText("已签到").waitFor();
    await row.getByRole("button", { name: "完成" }).click();
    await row.getByText("已完成").waitFor();
    const after = await api.req("GET", `/api/v1/medical/bookings/${booking.id}`);
    expect(after.data.status).toBe("COMPLETED");

    // the note is on the detail page for the liaison (an audited read)
    await row.filter({ hasText: "已完成" }).getByRole("link", { name: "查看备注" }).click();
    await desk.getByTestId("booking-note").getByText("E2E 浏览器备注").waitFor();
  });
});
