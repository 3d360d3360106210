import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { db } from "@/lib/db";
import { formatSerial, listCertificates, parseSerial, revokeCertificate } from "@/lib/training/certificate-registry";
import { getMyCertificate, verifyCertificate } from "@/lib/training/certificates";
import { getSealDataUri } from "@/lib/training/seal";
import { actorOf, createUser } from "@/tests/factories";
import { createTrainingSession } from "@/tests/factories/training";

/** An officer who attended a session that is over (credited), with their enrolment id. */
async function attended() {
  const s = await createTrainingSession({ startsAt: new Date(Date.now() - 5 * 3600_000) });
  const u = await createUser();
  const e = await db.trainingEnrollment.create({
    data: { sessionId: s.id, userId: u.id, status: "ENROLLED", attendance: "ATTENDED", attendedAt: new Date(Date.now() - 4 * 3600_000) },
  });
  return { me: actorOf(u), enrollmentId: e.id, session: s };
}
const office = async () => actorOf(await createUser({ roles: ["TRAINING_ADMIN", "OFFICER"] }));

test("a certificate gets a serial number and issue date on first view, the same ones on every later view", async () => {
  const { me, enrollmentId } = await attended();
  const first = await getMyCertificate(me, enrollmentId);
  expect(first.serial).toMatch(/^QS-\d{4}-\d{6}$/);
  const again = await getMyCertificate(me, enrollmentId, new Date(Date.now() + 86400_000));
  expect([again.serial, again.issuedAt.getTime()]).toEqual([first.serial, first.issuedAt.getTime()]);
  expect(await verifyCertificate(first.token)).toMatchObject({ certificateNo: first.serial, revoked: false });
});

test("concurrent first views of many certificates never share a serial", async () => {
  const people = await Promise.all(Array.from({ length: 12 }, () => attended()));
  const certs = await Promise.all(people.flatMap((p) => [getMyCertificate(p.me, p.enrollmentId), getMyCertificate(p.me, p.enrollmentId)]));
  const serials = certs.map((c) => c.serial);
  expect(new Set(serials).size).toBe(12);
  expect(await db.trainingCertificate.count({ where: { enrollmentId: { in: people.map((p) => p.enrollmentId) } } })).toBe(12);
});

test("the training office revokes: verification says revoked, the holder is told, twice is a conflict", async () => {
  const { me, enrollmentId, session } = await attended();
  const cert = await getMyCertificate(me, enrollmentId);
  const admin = await office();
  const row = (await listCertificates(admin, { q: cert.serial })).items;
  expect(row.map((r) => r.serial)).toEqual([cert.serial]);
  await expect(revokeCertificate(me, row[0]!.id, { reason: "考勤记录有误" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  await expect(revokeCertificate(admin, row[0]!.id, { reason: "" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });

  await revokeCertificate(admin, row[0]!.id, { reason: "考勤记录有误" });
  expect(await verifyCertificate(cert.token)).toMatchObject({ revoked: true, title: session.title, certificateNo: cert.serial });
  expect((await getMyCertificate(me, enrollmentId)).revokeReason).toBe("考勤记录有误");
  expect(await db.notification.count({ where: { userId: me.id, kind: "training.certificate.revoked" } })).toBe(1);
  expect(await db.auditLog.count({ where: { action: "training.certificate.revoke", targetId: row[0]!.id } })).toBe(1);
  await expect(revokeCertificate(admin, row[0]!.id, { reason: "再次撤销" })).rejects.toMatchObject({ code: "CERTIFICATE_REVOKED" });
  expect((await listCertificates(admin, { q: me.badgeNo, revoked: "true" })).total).toBe(1);
  expect((await listCertificates(admin, { q: me.badgeNo, revoked: "false" })).total).toBe(0);
});

test("serial numbers print and parse", () => {
  expect(formatSerial(42, new Date("2026-12-31T17:00:00Z"))).toBe("QS-2027-000042"); // 1 January in Shanghai
  expect(parseSerial("QS-2026-000042")).toBe(42);
  expect(parseSerial("qs-2026-42")).toBe(42);
  expect(parseSerial("42")).toBe(42);
  expect(parseSerial("张三")).toBeNull();
});

test("the seal comes from the configured file as a data: URI; the demo seal by default; unreadable → none", async () => {
  expect(await getSealDataUri()).toMatch(/^data:image\/svg\+xml;base64,/);
  const dir = mkdtempSync(path.join(tmpdir(), "seal-"));
  const png = path.join(dir, "seal.png");
  writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  expect(await getSealDataUri(png)).toBe("data:image/png;base64,iVBORw==");
  expect(await getSealDataUri(path.join(dir, "missing.png"))).toBeNull();
  const txt = path.join(dir, "seal.txt");
  writeFileSync(txt, "x");
  expect(await getSealDataUri(txt)).toBeNull();
});
