import { db } from "@/lib/db";
import { approveLeaveRequest, cancelLeaveRequest, createLeaveRequest, rejectLeaveRequest } from "@/lib/leave/mutations";
import { getMyBalance, getRequest, listAway, listBalances, listRequests } from "@/lib/leave/queries";
import { createAuxiliaryProfile } from "@/tests/factories/benefits";
import { createLeavePerson, ensureOfficialCalendar } from "@/tests/factories/leave";
import { failure, leaveWorld, type LeaveWorld } from "./helpers";

let w: LeaveWorld;
beforeAll(async () => {
  w = await leaveWorld();
});
const early2026 = new Date("2026-01-05T02:00:00Z"); // before every 2026 request below

describe("working days on the real 2026 calendar", () => {
  test.each([
    ["the week of the 春节 make-up Saturday", "2026-02-09", "2026-02-15", 6],
    ["after 春节: Monday still holiday, Saturday worked", "2026-02-23", "2026-03-01", 5],
    ["around 国庆 with the Saturday Oct 10 make-up day", "2026-09-28", "2026-10-11", 6],
    ["a weekend whose Sunday is the 国庆 make-up day", "2026-09-19", "2026-09-20", 1],
  ])("%s", async (_l, from, to, days) => {
    const me = await createLeavePerson({ unitId: w.stationA.id });
    const r = await createLeavePerson({ unitId: w.stationA.id }).then((p) => createLeaveRequest(p, { type: "SICK", from, to }));
    expect(r).toMatchObject({ from, to, days, status: "PENDING", type: "SICK" });
    expect(me).toBeTruthy();
  });

  test("a range with no working day (春节 week) is refused and nothing is written", async () => {
    const me = await createLeavePerson({ unitId: w.stationA.id });
    expect(await failure(createLeaveRequest(me, { type: "PERSONAL", from: "2026-02-16", to: "2026-02-22" }))).toMatchObject({
      code: "VALIDATION_FAILED",
      status: 400,
    });
    expect(await db.leaveRequest.count({ where: { userId: me.id } })).toBe(0);
  });

  test("to before from → 400 with the field; annual leave across New Year → 400; bad dates → 400", async () => {
    const me = await createLeavePerson({ unitId: w.stationA.id });
    expect(await failure(createLeaveRequest(me, { type: "SICK", from: "2026-03-10", to: "2026-03-09" }))).toMatchObject({
      status: 400,
      fields: { to: "结束日期不能早于开始日期" },
    });
    expect((await failure(createLeaveRequest(me, { type: "ANNUAL", from: "2026-12-30", to: "2027-01-05" }))).fields?.to).toMatch(/跨年/);
    expect((await failure(createLeaveRequest(me, { type: "SICK", from: "2026-02-30", to: "2026-03-02" }))).fields?.from).toBeTruthy();
    expect((await failure(createLeaveRequest(me, { type: "HOLIDAY", from: "2026-03-02", to: "2026-03-02" }))).fields?.type).toBeTruthy();
    expect(await db.leaveRequest.count({ where: { userId: me.id } })).toBe(0);
  });

  test("sick leave may run over New Year: each year's calendar counts its own days", async () => {
    await ensureOfficialCalendar(2027);
    const me = await createLeavePerson({ unitId: w.stationA.id });
    // 2026-12-28..31 Mon–Thu = 4; 2027-01-01 Fri is 元旦 (provisional calendar) = 0
    expect((await createLeaveRequest(me, { type: "SICK", from: "2026-12-28", to: "2027-01-01" })).days).toBe(4);
  });
});

describe("annual balance", () => {
  test.each([
    ["2025-01-01", 5],
    ["2025-01-02", 0],
    ["2016-01-01", 10],
    ["2016-01-02", 5],
    ["2006-01-01", 15],
    ["2006-01-02", 10],
  ])("service from %s → %i days in 2026", async (start, days) => {
    const me = await createLeavePerson({ unitId: w.stationA.id, serviceStartDate: start });
    expect(await getMyBalance(me, 2026)).toMatchObject({
      year: 2026,
      entitlementDays: days,
      usedDays: 0,
      pendingDays: 0,
      remainingDays: days,
    });
  });

  test("pending reserves, approved uses, rejected and cancelled give back; more than remains → LEAVE_BALANCE_EXCEEDED", async () => {
    const me = await createLeavePerson({ unitId: w.teamA1.id, serviceStartDate: "2020-05-01" }); // 5 days
    const a = await createLeaveRequest(me, { type: "ANNUAL", from: "2026-03-02", to: "2026-03-04" }); // 3
    expect(await getMyBalance(me, 2026)).toMatchObject({ entitlementDays: 5, usedDays: 0, pendingDays: 3, remainingDays: 2 });
    const over = await failure(createLeaveRequest(me, { type: "ANNUAL", from: "2026-03-09", to: "2026-03-11" }));
    expect(over).toMatchObject({ code: "LEAVE_BALANCE_EXCEEDED", status: 409 });
    expect(over.message).toMatch(/剩余 2 天/);
    await approveLeaveRequest(w.leadA, a.id, {}, early2026);
    expect(await getMyBalance(me, 2026)).toMatchObject({ usedDays: 3, pendingDays: 0, remainingDays: 2 });
    const b = await createLeaveRequest(me, { type: "ANNUAL", from: "2026-03-09", to: "2026-03-10" }); // the last 2
    await rejectLeaveRequest(w.leadA, b.id, { comment: "当周有专项行动" }, early2026);
    expect((await getMyBalance(me, 2026)).remainingDays).toBe(2);
    await cancelLeaveRequest(me, a.id, early2026);
    expect(await getMyBalance(me, 2026)).toMatchObject({ usedDays: 0, pendingDays: 0, remainingDays: 5 });
    // other types never touch the annual balance
    await createLeaveRequest(me, { type: "SICK", from: "2026-04-07", to: "2026-04-10" });
    expect((await getMyBalance(me, 2026)).remainingDays).toBe(5);
  });

  test("no service start date on file: no annual leave can be taken", async () => {
    const me = await createLeavePerson({ unitId: w.stationA.id, serviceStartDate: null });
    expect(await getMyBalance(me, 2026)).toMatchObject({ entitlementDays: 0, serviceStartDate: null });
    expect((await failure(createLeaveRequest(me, { type: "ANNUAL", from: "2026-03-02", to: "2026-03-02" }))).code).toBe(
      "LEAVE_BALANCE_EXCEEDED",
    );
  });
});

describe("overlaps", () => {
  test("a request touching one of my pending or approved ones → LEAVE_OVERLAP; rejected and cancelled ones free the dates", async () => {
    const me = await createLeavePerson({ unitId: w.stationA.id });
    const a = await createLeaveRequest(me, { type: "PERSONAL", from: "2026-06-01", to: "2026-06-03" });
    for (const [from, to] of [
      ["2026-06-03", "2026-06-05"],
      ["2026-05-29", "2026-06-01"],
      ["2026-06-02", "2026-06-02"],
      ["2026-05-25", "2026-06-12"],
    ])
      expect(await failure(createLeaveRequest(me, { type: "SICK", from, to }))).toMatchObject({ code: "LEAVE_OVERLAP", status: 409 });
    // adjacent is fine
    await createLeaveRequest(me, { type: "SICK", from: "2026-06-04", to: "2026-06-04" });
    await rejectLeaveRequest(w.leadA, a.id, {}, early2026);
    const again = await createLeaveRequest(me, { type: "ANNUAL", from: "2026-06-01", to: "2026-06-03" });
    await approveLeaveRequest(w.leadA, again.id, {}, early2026);
    expect((await failure(createLeaveRequest(me, { type: "SICK", from: "2026-06-03", to: "2026-06-03" }))).code).toBe("LEAVE_OVERLAP");
    await cancelLeaveRequest(me, again.id, early2026);
    await createLeaveRequest(me, { type: "SICK", from: "2026-06-03", to: "2026-06-03" });
    // someone else's leave never clashes with mine
    const other = await createLeavePerson({ unitId: w.stationA.id });
    await createLeaveRequest(other, { type: "SICK", from: "2026-06-01", to: "2026-06-05" });
  });

  test("the database refuses overlapping active ranges even when the service lock is bypassed", async () => {
    const me = await createLeavePerson({ unitId: w.stationA.id });
    const row = (startsOn: string, endsOn: string, status: "PENDING" | "REJECTED" = "PENDING") =>
      db.leaveRequest.create({
        data: {
          userId: me.id,
          type: "SICK",
          startsOn: new Date(`${startsOn}T00:00:00Z`),
          endsOn: new Date(`${endsOn}T00:00:00Z`),
          days: 1,
          status,
          ...(status === "REJECTED" ? { decidedAt: new Date() } : {}),
        },
      });
    await row("2026-07-06", "2026-07-08");
    await expect(row("2026-07-08", "2026-07-09")).rejects.toThrow(/LeaveRequest_no_overlap/);
    await row("2026-07-07", "2026-07-07", "REJECTED"); // inactive rows may overlap
    await expect(row("2026-07-10", "2026-07-09")).rejects.toThrow(/LeaveRequest_range_check/);
  });
});

describe("approval by the unit lead chain", () => {
  test("the lead of the requester's unit and a lead above may decide; a sibling unit's lead, officers and HR get 404", async () => {
    const r1 = await createLeaveRequest(w.teamOfficer, { type: "PERSONAL", from: "2026-08-03", to: "2026-08-03" });
    const r2 = await createLeaveRequest(w.teamOfficer, { type: "PERSONAL", from: "2026-08-04", to: "2026-08-04" });
    for (const outsider of [w.leadB, w.officerA, w.hr, w.auxA])
      expect(await failure(approveLeaveRequest(outsider, r1.id, {}, early2026))).toMatchObject({ code: "NOT_FOUND", status: 404 });
    expect(await failure(rejectLeaveRequest(w.leadB, r1.id, {}, early2026))).toMatchObject({ code: "NOT_FOUND", status: 404 });
    expect((await db.leaveRequest.findUniqueOrThrow({ where: { id: r1.id } })).status).toBe("PENDING");
    // the lead of the unit above the team (甲派出所) and the bureau's lead
    expect(await approveLeaveRequest(w.leadA, r1.id, { comment: "同意" }, early2026)).toMatchObject({
      status: "APPROVED",
      decidedBy: { id: w.leadA.id },
      comment: "同意",
    });
    expect((await rejectLeaveRequest(w.bureauLead, r2.id, {}, early2026)).status).toBe("REJECTED");
    // a sibling lead cannot even read it; HR of the bureau does not see an officer's leave
    await expect(getRequest(w.leadB, r1.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getRequest(w.hr, r1.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("never the requester: a lead's own request goes to another lead of the unit or one above", async () => {
    const own = await createLeaveRequest(w.leadA, { type: "ANNUAL", from: "2026-08-10", to: "2026-08-11" });
    expect(await failure(approveLeaveRequest(w.leadA, own.id, {}, early2026))).toMatchObject({ code: "NOT_FOUND", status: 404 });
    expect(await failure(rejectLeaveRequest(w.leadA, own.id, {}, early2026))).toMatchObject({ code: "NOT_FOUND", status: 404 });
    // the lead still sees it as theirs, without decision buttons
    expect((await listRequests(w.leadA, { scope: "unit", decidable: "1", status: "PENDING" })).items.map((r) => r.id)).not.toContain(
      own.id,
    );
    expect((await listRequests(w.leadA, { scope: "mine" })).items.map((r) => r.id)).toContain(own.id);
    expect((await approveLeaveRequest(w.leadA2, own.id, {}, early2026)).status).toBe("APPROVED");
  });

  test("new requests notify the nearest leads; a request with no lead above it is kept and HR is told", async () => {
    const before = await db.notification.count({ where: { userId: w.bureauLead.id } });
    const r = await createLeaveRequest(w.teamOfficer, { type: "SICK", from: "2026-08-17", to: "2026-08-17" });
    const toLeads = await db.notification.findMany({
      where: { kind: "leave.request.new", createdAt: { gte: new Date(Date.now() - 60_000) } },
    });
    expect(
      toLeads
        .filter((n) => n.body.includes(w.teamOfficer.name) && n.body.includes("2026-08-17"))
        .map((n) => n.userId)
        .sort(),
    ).toEqual([w.leadA.id, w.leadA2.id].sort());
    expect(await db.notification.count({ where: { userId: w.bureauLead.id } })).toBe(before);
    await approveLeaveRequest(w.leadA, r.id, {}, early2026);
    const decided = await db.notification.findMany({ where: { userId: w.teamOfficer.id, kind: "leave.request.approved" } });
    expect(decided.filter((n) => n.body.includes("2026-08-17") && n.body.includes(w.leadA.name))).toHaveLength(1);

    const top = await createLeaveRequest(w.bureauLead, { type: "PERSONAL", from: "2026-08-18", to: "2026-08-18" });
    expect(top.status).toBe("PENDING");
    const hrNote = await db.notification.findFirstOrThrow({ where: { userId: w.hr.id, kind: "leave.request.no_approver" } });
    expect(hrNote.body).toContain(w.bureauLead.name);
    for (const l of [w.leadA, w.leadB, w.bureauLead])
      expect((await failure(approveLeaveRequest(l, top.id, {}, early2026))).code).toBe("NOT_FOUND");
  });
});

describe("state transitions", () => {
  test("deciding twice → INVALID_TRANSITION; cancel only by the requester, only before the first day", async () => {
    const me = w.officerA;
    const r = await createLeaveRequest(me, { type: "FAMILY_VISIT", from: "2026-11-02", to: "2026-11-06" });
    expect(r.days).toBe(5);
    await approveLeaveRequest(w.leadA, r.id, {}, early2026);
    for (const again of [approveLeaveRequest(w.leadA, r.id), rejectLeaveRequest(w.bureauLead, r.id)])
      expect(await failure(again)).toMatchObject({ code: "INVALID_TRANSITION", status: 409 });
    expect(await failure(cancelLeaveRequest(w.leadA, r.id, early2026))).toMatchObject({ code: "NOT_FOUND", status: 404 });
    expect(await failure(cancelLeaveRequest(me, r.id, new Date("2026-11-01T16:00:00Z")))).toMatchObject({ code: "LEAVE_ALREADY_STARTED" }); // 00:00 on Nov 2 in Shanghai
    expect((await cancelLeaveRequest(me, r.id, new Date("2026-11-01T15:59:00Z"))).status).toBe("CANCELLED");
    expect(await failure(cancelLeaveRequest(me, r.id, early2026))).toMatchObject({ code: "INVALID_TRANSITION", status: 409 });
    expect(await failure(approveLeaveRequest(w.leadA, r.id))).toMatchObject({ code: "INVALID_TRANSITION" });
    const lead = await db.notification.findFirstOrThrow({
      where: { userId: w.leadA.id, kind: "leave.request.cancelled", body: { contains: "2026-11-02" } },
    });
    expect(lead.body).toContain(me.name);
    const audit = await db.auditLog.findMany({ where: { targetId: r.id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(["leave.request.create", "leave.request.approve", "leave.request.cancel"]);
  });

  test("two leads deciding at once: exactly one wins", async () => {
    const r = await createLeaveRequest(w.teamOfficer, { type: "PERSONAL", from: "2026-11-16", to: "2026-11-16" });
    const out = await Promise.allSettled([
      approveLeaveRequest(w.leadA, r.id, {}, early2026),
      rejectLeaveRequest(w.leadA2, r.id, {}, early2026),
    ]);
    expect(out.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect((out.find((o) => o.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "INVALID_TRANSITION" });
  });
});

describe("auxiliary officers' leave in the benefits file", () => {
  test("approval writes a 休假 record in the same transaction; cancelling before the first day removes it", async () => {
    const profile = await createAuxiliaryProfile({ unitId: w.teamA1.id, userId: w.auxA.id });
    const r = await createLeaveRequest(w.auxA, { type: "ANNUAL", from: "2026-12-07", to: "2026-12-09", reason: "回家" });
    expect(await db.benefitRecord.count({ where: { profileId: profile.id } })).toBe(0);
    await approveLeaveRequest(w.leadA, r.id, {}, early2026);
    const rec = await db.benefitRecord.findFirstOrThrow({ where: { profileId: profile.id, category: "LEAVE" } });
    expect(rec.title).toBe("年休假");
    expect(rec.occurredOn.toISOString().slice(0, 10)).toBe("2026-12-07");
    expect(rec.details).toMatchObject({ days: "3", from: "2026-12-07", to: "2026-12-09", leaveRequestId: r.id });
    expect(rec.createdById).toBe(w.leadA.id);
    expect((await db.leaveRequest.findUniqueOrThrow({ where: { id: r.id } })).benefitRecordId).toBe(rec.id);
    // HR sees the auxiliary's leave in the subtree, without the reason
    const seen = await getRequest(w.hr, r.id);
    expect(seen.status).toBe("APPROVED");
    expect(seen).not.toHaveProperty("reason");
    expect((await getRequest(w.leadA, r.id)).reason).toBe("回家");
    await cancelLeaveRequest(w.auxA, r.id, early2026);
    expect(await db.benefitRecord.count({ where: { id: rec.id } })).toBe(0);
  });

  test("a rejected request writes nothing, and an officer's approval writes no benefit record", async () => {
    const aux = await createLeavePerson({ unitId: w.stationA.id, roles: ["AUXILIARY"] });
    const profile = await createAuxiliaryProfile({ unitId: w.stationA.id, userId: aux.id });
    const r = await createLeaveRequest(aux, { type: "SICK", from: "2026-12-14", to: "2026-12-14" });
    await rejectLeaveRequest(w.leadA, r.id, {}, early2026);
    expect(await db.benefitRecord.count({ where: { profileId: profile.id } })).toBe(0);
    const before = await db.benefitRecord.count({ where: { createdById: w.leadA2.id } });
    const o = await createLeaveRequest(w.officerA, { type: "SICK", from: "2026-12-15", to: "2026-12-15" });
    await approveLeaveRequest(w.leadA2, o.id, {}, early2026);
    expect(await db.benefitRecord.count({ where: { createdById: w.leadA2.id } })).toBe(before);
  });
});

describe("scopes of lists, balances and the unit calendar", () => {
  test("a lead sees the subtree, HR only its auxiliaries, an officer only their own", async () => {
    const aux = await createLeavePerson({ unitId: w.stationB.id, roles: ["AUXILIARY"] });
    const off = await createLeavePerson({ unitId: w.stationB.id });
    const ra = await createLeaveRequest(aux, { type: "SICK", from: "2026-10-19", to: "2026-10-20" });
    const ro = await createLeaveRequest(off, { type: "SICK", from: "2026-10-19", to: "2026-10-20" });
    const ids = async (a: typeof w.leadB, q: Record<string, string> = {}) =>
      (await listRequests(a, { scope: "unit", pageSize: "100", from: "2026-10-19", to: "2026-10-20", ...q })).items.map((r) => r.id);
    expect(await ids(w.leadB)).toEqual(expect.arrayContaining([ra.id, ro.id]));
    expect(await ids(w.leadA)).not.toContain(ra.id);
    expect(await ids(w.hr)).toContain(ra.id);
    expect(await ids(w.hr)).not.toContain(ro.id);
    await expect(listRequests(off, { scope: "unit" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await listRequests(off, {})).items.map((r) => r.id)).toEqual([ro.id]);
    const away = await listAway(w.leadB, "2026-10-20", "2026-10-20");
    expect(away.map((r) => r.id)).toEqual(expect.arrayContaining([ra.id, ro.id]));
    const balances = await listBalances(w.hr, { year: 2026, pageSize: 1000 });
    expect(balances.items.map((b) => b.user.id)).toContain(aux.id);
    expect(balances.items.map((b) => b.user.id)).not.toContain(off.id);
    await expect(listBalances(off, { year: 2026 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
