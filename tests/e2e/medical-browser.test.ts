import type { Browser } from "playwright-core";
import { describeBrowser, launchBrowser, signInPage, signedIn } from "./support";

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

    const book = async () => {
      await page.goto("/medical?service=FAST_TRACK");
      await page.locator('input[name="slotId"]:not([disabled])').first().check();
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
    const api = await signedIn("100009");
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
