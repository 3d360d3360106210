// The leave journey in a real Chromium: an officer of 汤岗子派出所 (100011) asks for annual leave on a
// phone, watching the working-day count; the station's lead (100001) approves it with a comment;
// the officer sees it approved and the balance used. Then every leave page for each role renders
// and fits a 375 px screen.
import type { Browser, Page } from "playwright-core";
import { addDays, isoWeekday } from "@/lib/leave/calendar";
import { describeBrowser, launchBrowser, signedIn, signInPage } from "./support";

const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const PHONE = { width: 375, height: 800 };

describeBrowser("leave in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("request on a phone with a live working-day count → the unit lead approves → the officer sees it approved", async () => {
    // a Monday–Wednesday two to three weeks out (inside the hospital booking window), in one year
    // (clear of the officer's own active requests, so a rerun against the same database works too)
    const api = await signedIn("100011");
    const taken = (
      (await api.req("GET", "/api/v1/leave/requests?pageSize=100")).data.items as { from: string; to: string; status: string }[]
    ).filter((r) => r.status === "PENDING" || r.status === "APPROVED");
    let mon = addDays(shanghaiToday(), 14);
    while (
      isoWeekday(mon) !== 1 ||
      mon.slice(0, 4) !== addDays(mon, 2).slice(0, 4) ||
      taken.some((r) => r.from <= addDays(mon, 2) && r.to >= mon)
    )
      mon = addDays(mon, 1);
    const reason = `陪父母体检-${Date.now() % 100000}`;
    const wed = addDays(mon, 2);
    const year = mon.slice(0, 4);

    const officer = await signInPage(browser, "100011", undefined, PHONE);
    await officer.goto("/leave");
    const remainingBefore = Number(await officer.getByTestId(`balance-${year}`).getByTestId("balance-remaining").textContent());
    const form = officer.getByTestId("leave-request-form");
    await form.getByLabel("休假类型").selectOption("ANNUAL");
    await form.getByLabel("开始日期").fill(mon);
    await form.getByLabel("结束日期").fill(wed);
    // counted in the browser before anything is sent (a holiday in the range would lower it; the server agrees below)
    const count = (await officer.getByTestId("working-days").textContent()) ?? "";
    const days = Number(/共 (\d+) 个工作日/.exec(count)?.[1]);
    expect(days).toBeGreaterThanOrEqual(1);
    expect(days).toBeLessThanOrEqual(3);
    // a backwards range is flagged at once
    await form.getByLabel("结束日期").fill(addDays(mon, -1));
    await officer.getByText("结束日期不能早于开始日期").waitFor();
    await form.getByLabel("结束日期").fill(wed);
    await form.getByLabel("事由").fill(reason);
    await form.getByRole("button", { name: "提交申请" }).click();
    await officer.getByText("已提交，等待审批。").waitFor();
    const mine = officer.getByTestId("my-leave").getByTestId("leave-request").filter({ hasText: reason });
    await mine.getByText("待审批").waitFor();
    expect(await mine.textContent()).toContain(`共 ${days} 个工作日`);
    expect(await officer.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

    const lead = await signInPage(browser, "100001");
    await lead.goto("/leave/approvals");
    const item = lead.getByTestId("pending-approvals").getByTestId("leave-request").filter({ hasText: reason });
    await item.waitFor();
    expect(await item.textContent()).toContain("100011");
    await item.getByLabel("审批意见").fill("同意，注意做好交接");
    await item.getByRole("button", { name: "批准", exact: true }).click();
    await item.waitFor({ state: "detached" });
    // the unit calendar lists 徐国庆 (100011) on the first day
    await lead.goto(`/leave/calendar?month=${mon.slice(0, 7)}`);
    await lead.locator(`#d-${mon}`).getByText("徐国庆").waitFor();
    await lead.context().close();

    // during the approved leave: a session page and the hospital slots warn, booking stays possible
    const admin = await signedIn("010001");
    const s = await admin.req("POST", "/api/v1/training/sessions", {
      body: {
        title: `休假期间的培训-${Date.now()}`,
        category: "LAW_ENFORCEMENT",
        venue: "分局会议室",
        startsAt: `${mon}T09:00:00+08:00`,
        endsAt: `${mon}T11:00:00+08:00`,
        capacity: 5,
        creditHours: 1,
        lecturers: [{ name: "王警官" }],
      },
    });
    expect((await admin.req("POST", `/api/v1/training/sessions/${s.data.id}/publish`, { body: {} })).status).toBe(200);
    await officer.goto(`/training/${s.data.id}`);
    await officer.getByText(/您在本次培训期间有已批准的休假/).waitFor();
    await officer.getByTestId("enrolment-box").getByRole("button").first().click();
    await officer.getByText("您已报名该培训。").waitFor();
    const liaison = await signedIn("030001");
    // a free time on that day (slot times are unique per service, and a rerun may find its earlier slot)
    let slot = { status: 0, data: { id: "" } };
    for (let m = 0; m < 48 && slot.status !== 201; m++) {
      const at = (k: number) =>
        `${mon}T${String(15 + Math.floor(k / 6)).padStart(2, "0")}:${String((k % 6) * 10).padStart(2, "0")}:00+08:00`;
      slot = await liaison.req("POST", "/api/v1/medical/slots", {
        body: { service: "HEALTH_CONSULT", startsAt: at(m), endsAt: at(m + 1), capacity: 3 },
      });
    }
    expect(slot.status).toBe(201);
    await officer.goto(`/medical?service=HEALTH_CONSULT&week=${mon}`); // the page shows one week
    await officer
      .getByText(/您有已批准的休假/)
      .first()
      .waitFor();
    expect(await officer.getByText("休假中").count()).toBeGreaterThanOrEqual(1);

    await officer.goto("/leave");
    const approved = officer.getByTestId("my-leave").getByTestId("leave-request").filter({ hasText: reason });
    await approved.getByText("已批准").waitFor();
    expect(await approved.textContent()).toContain("同意，注意做好交接");
    const remainingAfter = Number(await officer.getByTestId(`balance-${year}`).getByTestId("balance-remaining").textContent());
    expect(remainingAfter).toBe(remainingBefore - days);
    expect(Number(await officer.getByTestId(`balance-${year}`).getByTestId("balance-used").textContent())).toBeGreaterThanOrEqual(days);
    // cancel before the first day gives the days back
    await approved.getByRole("button", { name: "撤销" }).click();
    await officer.getByTestId("my-leave").getByTestId("leave-request").filter({ hasText: reason }).getByText("已撤销").waitFor();
    await officer.context().close();
  });

  test("every leave page answers for each role and fits a 375 px phone", async () => {
    const check = async (page: Page, paths: [string, number][]) => {
      for (const [path, status] of paths) {
        const res = await page.goto(path);
        expect([path, res?.status()]).toEqual([path, status]);
        expect(await page.getByText("出错了").count()).toBe(0);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect([path, overflow <= 0]).toEqual([path, true]);
      }
    };
    const officer = await signInPage(browser, "100005", undefined, PHONE);
    await check(officer, [
      ["/leave", 200],
      ["/leave/approvals", 403],
      ["/leave/calendar", 403],
      ["/leave/holidays", 403],
      ["/leave/hr", 403],
    ]);
    await officer.context().close();
    const lead = await signInPage(browser, "100001", undefined, PHONE);
    await check(lead, [
      ["/leave", 200],
      ["/leave/approvals", 200],
      ["/leave/calendar", 200],
      ["/leave/calendar?month=2027-02", 200],
      ["/leave/calendar?month=bad", 200],
      ["/leave/balances", 200],
      ["/leave/balances?year=abc", 200],
    ]);
    await lead.context().close();
    const hr = await signInPage(browser, "020001", undefined, PHONE);
    await check(hr, [
      ["/leave/hr", 200],
      ["/leave/hr?status=NOPE&page=-1", 200],
      ["/leave/holidays", 200],
      ["/leave/holidays?year=2027", 200],
      ["/leave/holidays?year=1", 200],
      ["/leave/balances", 200],
      ["/leave/calendar", 200],
    ]);
    // the provisional 2027 calendar says so
    await hr.goto("/leave/holidays?year=2027");
    expect(await hr.getByTestId("calendar-status").textContent()).toContain("尚未公布");
    await hr.context().close();
    const admin = await signInPage(browser, "000001", undefined, PHONE);
    await check(admin, [["/leave", 403]]);
    await admin.context().close();
  });
});
