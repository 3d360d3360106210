import { db } from "@/lib/db";
import type { Actor } from "@/lib/access";
import {
  bookSlot,
  cancelBooking,
  checkInBooking,
  completeBooking,
  markNoShow,
  recordOutcome,
  rescheduleBooking,
} from "@/lib/medical/booking";
import { giveConsent, withdrawConsent } from "@/lib/medical/mutations";
import { getBooking, getConsentState, getDayList, getEligibility, getMyFollowUp, listBookings } from "@/lib/medical/queries";
import { CURRENT_CONSENT } from "@/lib/medical/consent-text";
import { actorOf, createUser } from "@/tests/factories";
import { consentFor, createMedicalService, createMedicalSlot } from "@/tests/factories/medical";

async function officer(unitId?: string, consent = true): Promise<Actor> {
  const u = await createUser({ roles: ["OFFICER"], ...(unitId ? { unitId } : {}) });
  if (consent) await consentFor(u.id);
  return actorOf(u);
}
const liaisonActor = async () => actorOf(await createUser({ roles: ["MEDICAL_LIAISON", "OFFICER"] }));

describe("yearly quota by Shanghai calendar year", () => {
  test("2026-12-31T16:30Z is already 2027 in Shanghai, so a 2026 check does not use up the 2027 quota", async () => {
    const me = await officer();
    const liaison = await liaisonActor();
    const svc = await createMedicalService({ yearlyQuota: 1 });
    const now = new Date("2026-11-26T02:00:00Z");
    const late2026 = await createMedicalSlot({ serviceId: svc.id, startsAt: new Date("2026-12-31T15:00:00Z") }); // 23:00 Shanghai, 2026
    const also2026 = await createMedicalSlot({ serviceId: svc.id, startsAt: new Date("2026-12-31T15:30:00Z") });
    const early2027 = await createMedicalSlot({ serviceId: svc.id, startsAt: new Date("2026-12-31T16:30:00Z") }); // 00:30 Shanghai, 2027
    const later2027 = await createMedicalSlot({ serviceId: svc.id, startsAt: new Date("2027-03-01T01:00:00Z") });

    const first = await bookSlot(me, { slotId: late2026.id }, now);
    await checkInBooking(liaison, first.id);
    await completeBooking(liaison, first.id);

    await expect(bookSlot(me, { slotId: also2026.id }, now)).rejects.toMatchObject({
      code: "QUOTA_EXCEEDED",
      extra: { renewsOn: "2027-01-01" },
    });
    const second = await bookSlot(me, { slotId: early2027.id }, now);
    expect(second.status).toBe("BOOKED");
    await markNoShow(liaison, second.id, new Date("2027-01-01T00:00:00Z")); // a no-show still uses the year's quota
    await expect(bookSlot(me, { slotId: later2027.id }, now)).rejects.toMatchObject({
      code: "QUOTA_EXCEEDED",
      extra: { renewsOn: "2028-01-01" },
    });
  });

  test("a cancelled booking gives the quota back and eligibility explains the state", async () => {
    const me = await officer();
    const svc = await createMedicalService({ yearlyQuota: 1 });
    const s1 = await createMedicalSlot({ serviceId: svc.id });
    const s2 = await createMedicalSlot({ serviceId: svc.id, startsAt: new Date(s1.startsAt.getTime() + 3600_000) });
    const b = await bookSlot(me, { slotId: s1.id });
    const e1 = await getEligibility(me, svc.code);
    expect(e1.active?.id).toBe(b.id);
    await expect(bookSlot(me, { slotId: s2.id })).rejects.toMatchObject({ code: "ACTIVE_BOOKING_EXISTS" });
    await cancelBooking(me, b.id);
    await expect(bookSlot(me, { slotId: s2.id })).resolves.toMatchObject({ status: "BOOKED" });
  });
});

describe("status transitions", () => {
  const illegal: [string, (l: Actor, o: Actor, id: string) => Promise<unknown>][] = [
    ["complete", (l, _o, id) => completeBooking(l, id)],
    ["check in", (l, _o, id) => checkInBooking(l, id)],
    ["no-show", (l, _o, id) => markNoShow(l, id)],
    ["cancel", (_l, o, id) => cancelBooking(o, id)],
  ];

  test("BOOKED → CHECKED_IN → COMPLETED, each step audited", async () => {
    const me = await officer();
    const liaison = await liaisonActor();
    const svc = await createMedicalService();
    const slot = await createMedicalSlot({ serviceId: svc.id });
    const b = await bookSlot(me, { slotId: slot.id });
    await expect(checkInBooking(liaison, b.id)).resolves.toMatchObject({ status: "CHECKED_IN" });
    await expect(completeBooking(liaison, b.id)).resolves.toMatchObject({ status: "COMPLETED" });
    const actions = (await db.auditLog.findMany({ where: { targetId: b.id }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["medical.booking.create", "medical.booking.check_in", "medical.booking.complete"]);
  });

  test.each(["COMPLETED", "CANCELLED", "NO_SHOW"] as const)(
    "from %s every further step is INVALID_TRANSITION and changes nothing",
    async (end) => {
      const me = await officer();
      const liaison = await liaisonActor();
      const svc = await createMedicalService();
      const slot = await createMedicalSlot({ serviceId: svc.id });
      const b = await bookSlot(me, { slotId: slot.id });
      if (end === "COMPLETED") {
        await checkInBooking(liaison, b.id);
        await completeBooking(liaison, b.id);
      } else if (end === "CANCELLED") await cancelBooking(me, b.id);
      else await markNoShow(liaison, b.id, new Date(slot.endsAt.getTime() + 60_000));
      const before = await db.medicalBooking.findUniqueOrThrow({ where: { id: b.id } });
      const slotBefore = await db.medicalSlot.findUniqueOrThrow({ where: { id: slot.id } });
      const auditsBefore = await db.auditLog.count({ where: { targetId: b.id } });
      for (const [, step] of illegal)
        await expect(step(liaison, me, b.id)).rejects.toMatchObject({ code: "INVALID_TRANSITION", status: 409 });
      expect(await db.medicalBooking.findUniqueOrThrow({ where: { id: b.id } })).toEqual(before);
      expect((await db.medicalSlot.findUniqueOrThrow({ where: { id: slot.id } })).bookedCount).toBe(slotBefore.bookedCount);
      expect(await db.auditLog.count({ where: { targetId: b.id } })).toBe(auditsBefore);
    },
  );

  test("a checked-in visit can neither be cancelled nor marked no-show", async () => {
    const me = await officer();
    const liaison = await liaisonActor();
    const svc = await createMedicalService();
    const b = await bookSlot(me, { slotId: (await createMedicalSlot({ serviceId: svc.id })).id });
    await checkInBooking(liaison, b.id);
    await expect(cancelBooking(me, b.id)).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    await expect(markNoShow(liaison, b.id)).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    expect((await db.medicalBooking.findUniqueOrThrow({ where: { id: b.id } })).status).toBe("CHECKED_IN");
  });

  test("a no-show cannot be recorded before the slot has started, and the refusal changes nothing", async () => {
    const me = await officer();
    const liaison = await liaisonActor();
    const svc = await createMedicalService();
    const slot = await createMedicalSlot({ serviceId: svc.id });
    const b = await bookSlot(me, { slotId: slot.id });
    const audits = await db.auditLog.count({ where: { targetId: b.id } });
    await expect(markNoShow(liaison, b.id, new Date(slot.startsAt.getTime() - 60_000))).rejects.toMatchObject({
      code: "SLOT_NOT_STARTED",
      status: 409,
    });
    expect((await db.medicalBooking.findUniqueOrThrow({ where: { id: b.id } })).status).toBe("BOOKED");
    expect(await db.auditLog.count({ where: { targetId: b.id } })).toBe(audits);
    await expect(markNoShow(liaison, b.id, new Date(slot.startsAt.getTime() + 60_000))).resolves.toMatchObject({ status: "NO_SHOW" });
  });

  test("officers cannot check in, complete or mark no-show, even on their own booking", async () => {
    const me = await officer();
    const svc = await createMedicalService();
    const b = await bookSlot(me, { slotId: (await createMedicalSlot({ serviceId: svc.id })).id });
    await expect(checkInBooking(me, b.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(completeBooking(me, b.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(markNoShow(me, b.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("slots that cannot be booked", () => {
  test("no booking in the past or in a closed slot", async () => {
    const me = await officer();
    const svc = await createMedicalService();
    const past = await createMedicalSlot({ serviceId: svc.id, startsAt: new Date(Date.now() - 3600_000) });
    const closed = await createMedicalSlot({ serviceId: svc.id, closed: true });
    await expect(bookSlot(me, { slotId: past.id })).rejects.toMatchObject({ code: "SLOT_IN_PAST" });
    await expect(bookSlot(me, { slotId: closed.id })).rejects.toMatchObject({ code: "SLOT_CLOSED" });
    expect(await db.medicalBooking.count({ where: { userId: me.id } })).toBe(0);
  });

  test("a slot id that does not exist is NOT_FOUND", async () => {
    const me = await officer();
    await expect(bookSlot(me, { slotId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("people without medical.book cannot book", async () => {
    const admin = actorOf(await createUser({ roles: ["SYS_ADMIN"] }));
    await expect(bookSlot(admin, { slotId: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("consent (PIPL art. 28–29)", () => {
  test("booking needs the current consent; withdrawal stops new bookings at once", async () => {
    const me = await officer(undefined, false);
    const svc = await createMedicalService();
    const s1 = await createMedicalSlot({ serviceId: svc.id });
    await expect(bookSlot(me, { slotId: s1.id })).rejects.toMatchObject({ code: "CONSENT_REQUIRED" });
    expect((await getConsentState(me)).given).toBeNull();

    const state = await giveConsent(me, { version: CURRENT_CONSENT.version });
    expect(state).toMatchObject({ valid: true, given: { version: CURRENT_CONSENT.version } });
    const b = await bookSlot(me, { slotId: s1.id });
    await cancelBooking(me, b.id);

    await withdrawConsent(me);
    expect((await getConsentState(me)).given).toBeNull();
    await expect(bookSlot(me, { slotId: s1.id })).rejects.toMatchObject({ code: "CONSENT_REQUIRED" });
    const actions = (
      await db.auditLog.findMany({ where: { actorId: me.id, action: { startsWith: "medical.consent" } }, orderBy: { id: "asc" } })
    ).map((a) => a.action);
    expect(actions).toEqual(["medical.consent.give", "medical.consent.withdraw"]);
  });

  test("a consent to an outdated version is refused and does not count", async () => {
    const me = await officer(undefined, false);
    await expect(giveConsent(me, { version: CURRENT_CONSENT.version + 1 })).rejects.toMatchObject({ code: "CONSENT_VERSION_OUTDATED" });
    await db.medicalConsent.create({ data: { userId: me.id, version: CURRENT_CONSENT.version - 1 } });
    expect((await getConsentState(me)).valid).toBe(false);
    const svc = await createMedicalService();
    await expect(bookSlot(me, { slotId: (await createMedicalSlot({ serviceId: svc.id })).id })).rejects.toMatchObject({
      code: "CONSENT_REQUIRED",
    });
  });
});

describe("health notes", () => {
  test("are encrypted at rest and every read is audited", async () => {
    const me = await officer();
    const liaison = await liaisonActor();
    const svc = await createMedicalService();
    const note = "乙肝小三阳，长期服药中";
    const b = await bookSlot(me, { slotId: (await createMedicalSlot({ serviceId: svc.id })).id, note, shareNote: true });
    expect(b.note).toBeUndefined();
    expect(b.hasNote).toBe(true);

    const raw = await db.$queryRaw<{ noteCipher: string }[]>`SELECT "noteCipher" FROM "MedicalBooking" WHERE id = ${b.id}`;
    expect(raw[0]!.noteCipher).not.toContain(note);
    expect(raw[0]!.noteCipher).not.toContain("乙肝");
    const audits = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "AuditLog" WHERE details::text LIKE ${"%乙肝%"}`;
    expect(Number(audits[0]!.n)).toBe(0);

    expect((await getBooking(me, b.id, { withNote: true })).note).toBe(note);
    expect((await getBooking(liaison, b.id, { withNote: true })).note).toBe(note);
    const list = await listBookings(liaison, { service: svc.code }, { withNotes: true });
    expect(list.items.find((x) => x.id === b.id)?.note).toBe(note);
    const reads = await db.auditLog.findMany({ where: { action: "medical.note.read", targetId: b.id } });
    expect(reads.map((r) => r.actorId).sort()).toEqual([me.id, liaison.id, liaison.id].sort());
    // reading without asking for the note writes nothing
    await getBooking(me, b.id);
    expect(await db.auditLog.count({ where: { action: "medical.note.read", targetId: b.id } })).toBe(3);
  });

  test("the day list carries the note only when shared and while the consent stands", async () => {
    const liaison = await liaisonActor();
    const svc = await createMedicalService();
    const day = new Date(Date.parse("2027-02-03T01:00:00Z"));
    const slot = await createMedicalSlot({ serviceId: svc.id, startsAt: day, capacity: 5 });
    const sharer = await officer();
    const keeper = await officer();
    await bookSlot(sharer, { slotId: slot.id, note: "可以告诉医生", shareNote: true });
    await bookSlot(keeper, { slotId: slot.id, note: "不要告诉医院", shareNote: false });
    const rows = (await getDayList(liaison, "2027-02-03")).filter((r) => r.service === svc.name);
    expect(rows.map((r) => r.note).sort()).toEqual(["", "可以告诉医生"]);
    expect(Object.keys(rows[0]!).sort()).toEqual(["name", "note", "service", "time", "unit", "urgent"]);
    await withdrawConsent(sharer);
    const after = (await getDayList(liaison, "2027-02-03")).filter((r) => r.service === svc.name);
    expect(after.map((r) => r.note)).toEqual(["", ""]);
    expect(await db.auditLog.count({ where: { action: "medical.daylist.read", actorId: liaison.id, target: "2027-02-03" } })).toBe(2);
    expect(await db.auditLog.count({ where: { action: "medical.note.read", actorId: liaison.id } })).toBe(1);
  });
});

describe("visibility", () => {
  test("another officer's booking answers NOT_FOUND for reading and cancelling", async () => {
    const owner = await officer();
    const other = await officer();
    const lead = actorOf(await createUser({ roles: ["UNIT_LEAD"], unitId: owner.unitId }));
    const svc = await createMedicalService();
    const b = await bookSlot(owner, { slotId: (await createMedicalSlot({ serviceId: svc.id })).id, note: "私密" });
    await expect(getBooking(other, b.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getBooking(lead, b.id, { withNote: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(cancelBooking(other, b.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listBookings(other, {}, { withNotes: true })).items.find((x) => x.id === b.id)).toBeUndefined();
    expect((await db.medicalBooking.findUniqueOrThrow({ where: { id: b.id } })).status).toBe("BOOKED");
    expect(await db.auditLog.count({ where: { action: "medical.note.read", targetId: b.id } })).toBe(0);
  });

  test("a liaison's cancellation notifies the booker", async () => {
    const owner = await officer();
    const liaison = await liaisonActor();
    const svc = await createMedicalService();
    const b = await bookSlot(owner, { slotId: (await createMedicalSlot({ serviceId: svc.id })).id });
    await cancelBooking(liaison, b.id, { reason: "医生临时外出" });
    const n = await db.notification.findMany({ where: { userId: owner.id }, orderBy: { createdAt: "asc" } });
    expect(n.map((x) => x.kind)).toEqual(["medical.booking.confirmed", "medical.booking.cancelled"]);
    expect(n[1]!.body).toContain("医生临时外出");
  });

  test("rescheduling moves the seat and tells the booker", async () => {
    const owner = await officer();
    const liaison = await liaisonActor();
    const svc = await createMedicalService();
    const a = await createMedicalSlot({ serviceId: svc.id, capacity: 1 });
    const bSlot = await createMedicalSlot({ serviceId: svc.id, capacity: 1, startsAt: new Date(a.startsAt.getTime() + 7200_000) });
    const b = await bookSlot(owner, { slotId: a.id });
    const moved = await rescheduleBooking(liaison, b.id, { slotId: bSlot.id });
    expect(moved.slot?.id).toBe(bSlot.id);
    expect((await db.medicalSlot.findUniqueOrThrow({ where: { id: a.id } })).bookedCount).toBe(0);
    expect((await db.medicalSlot.findUniqueOrThrow({ where: { id: bSlot.id } })).bookedCount).toBe(1);
    expect(await db.notification.count({ where: { userId: owner.id, kind: "medical.booking.changed" } })).toBe(1);
  });
});

describe("liver check follow-up", () => {
  test("an abnormal result prompts only that officer to book a health consultation", async () => {
    const me = await officer();
    const colleague = await officer(me.unitId);
    const liaison = await liaisonActor();
    const liver =
      (await db.medicalService.findUnique({ where: { code: "LIVER_CHECK" } })) ??
      (await createMedicalService({ code: "LIVER_CHECK", name: "免费肝脏检查", yearlyQuota: 1 }));
    const consult =
      (await db.medicalService.findUnique({ where: { code: "HEALTH_CONSULT" } })) ??
      (await createMedicalService({ code: "HEALTH_CONSULT", name: "健康咨询" }));
    const b = await bookSlot(me, { slotId: (await createMedicalSlot({ serviceId: liver.id })).id });
    await expect(recordOutcome(liaison, b.id, { outcome: "ABNORMAL_RECHECK" })).rejects.toMatchObject({ code: "OUTCOME_NOT_APPLICABLE" });
    await checkInBooking(liaison, b.id);
    await completeBooking(liaison, b.id);
    await recordOutcome(liaison, b.id, { outcome: "ABNORMAL_RECHECK" });
    // health data: stored encrypted like the notes, never as the plaintext enum (issue 9 item 8)
    const stored = await db.medicalBooking.findUniqueOrThrow({ where: { id: b.id }, select: { outcome: true, outcomeEnc: true } });
    expect(stored.outcome).toBeNull();
    expect(stored.outcomeEnc).toMatch(/^v2:/);
    expect(stored.outcomeEnc).not.toContain("ABNORMAL");
    expect(await db.notification.count({ where: { userId: me.id, kind: "medical.followup" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: { in: [colleague.id, liaison.id] }, kind: "medical.followup" } })).toBe(0);
    expect(await getMyFollowUp(me)).not.toBeNull();
    expect(await getMyFollowUp(colleague)).toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "medical.outcome.record", targetId: b.id } });
    expect(JSON.stringify(audit.details ?? null)).not.toContain("ABNORMAL");
    await bookSlot(me, { slotId: (await createMedicalSlot({ serviceId: consult.id })).id });
    expect(await getMyFollowUp(me)).toBeNull();
  });
});
