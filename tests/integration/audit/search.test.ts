// The audit page's API (issue 14 item 5, issue 9 item 6): keyset pages newest first, a capped
// count, Chinese labels, the export, and every read of the log audited.
import ExcelJS from "exceljs";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/log";
import { AUDIT_COUNT_CAP, exportAudit, searchAudit } from "@/lib/audit/queries";
import { verifyAudit } from "@/lib/audit/chain";
import { actorOf, createUnit, createUser, uniq } from "@/tests/factories";

let auditor: ReturnType<typeof actorOf> & { requestId: string };
let officer: ReturnType<typeof actorOf>;
const tag = uniq("t");

beforeAll(async () => {
  const unitId = (await createUnit()).id;
  auditor = { ...actorOf(await createUser({ roles: ["AUDIT_ADMIN"], unitId })), requestId: `req-${tag}` };
  officer = actorOf(await createUser({ roles: ["OFFICER"], unitId }));
  for (let i = 0; i < 25; i++) await writeAudit(db, { actor: officer, action: `test.${tag}.page`, target: `#${i}` });
});

test("pages go newest first by cursor, back by prevCursor, with no entry twice or left out", async () => {
  const q = { actor: officer.badgeNo, action: `test.${tag}`, pageSize: 10 };
  const p1 = await searchAudit(auditor, q);
  expect(p1).toMatchObject({ total: 25, totalCapped: false, prevCursor: null });
  const p2 = await searchAudit(auditor, { ...q, cursor: p1.nextCursor });
  const p3 = await searchAudit(auditor, { ...q, cursor: p2.nextCursor });
  expect([p1, p2, p3].map((p) => p.items.length)).toEqual([10, 10, 5]);
  expect(p3.nextCursor).toBeNull();
  const targets = [...p1.items, ...p2.items, ...p3.items].map((e) => e.target);
  expect(targets).toEqual(Array.from({ length: 25 }, (_, i) => `#${24 - i}`));
  // back from page 3 gives page 2 again, and from page 2 the newest page
  const back = await searchAudit(auditor, { ...q, before: p3.prevCursor });
  expect(back.items.map((e) => e.id)).toEqual(p2.items.map((e) => e.id));
  const first = await searchAudit(auditor, { ...q, before: back.prevCursor });
  expect(first.items.map((e) => e.id)).toEqual(p1.items.map((e) => e.id));
  expect(first.prevCursor).toBeNull();
  // the old page parameter still works for the first pages
  expect((await searchAudit(auditor, { ...q, page: 2 })).items.map((e) => e.id)).toEqual(p2.items.map((e) => e.id));
});

test("the count stops at the cap instead of counting the whole log", async () => {
  await db.$executeRawUnsafe(
    `INSERT INTO "AuditLog" (action, outcome) SELECT 'test.${tag}.bulk', 'SUCCESS' FROM generate_series(1, ${AUDIT_COUNT_CAP + 5})`,
  );
  const res = await searchAudit(auditor, { action: `test.${tag}.bulk` });
  expect(res).toMatchObject({ total: AUDIT_COUNT_CAP, totalCapped: true });
  expect(res.items).toHaveLength(20);
});

test("entries carry Chinese labels, the actor's roles and the request id; searching the log is audited", async () => {
  await writeAudit(db, { actor: { ...officer, requestId: "req-abc" }, action: "auth.sign_in", outcome: "DENIED", target: tag });
  const [e] = (await searchAudit(auditor, { actor: officer.badgeNo, action: "auth.sign_in" })).items;
  expect(e).toMatchObject({ actionLabel: "登录", outcomeLabel: "拒绝", requestId: "req-abc", actor: { roles: ["OFFICER"] } });
  expect(e!.at).toMatch(/\+08:00$/);
  const read = await db.auditLog.findFirstOrThrow({ where: { action: "audit.list", actorId: auditor.id }, orderBy: { seq: "desc" } });
  expect(read).toMatchObject({ actorRoles: ["AUDIT_ADMIN"], requestId: `req-${tag}`, outcome: "SUCCESS" });
  expect(read.details).toMatchObject({ filters: { actor: officer.badgeNo.toUpperCase(), action: "auth.sign_in" } });
  const [unknown] = (await searchAudit(auditor, { action: `test.${tag}.page`, pageSize: 1 })).items;
  expect(unknown!.actionLabel).toBe(`test.${tag}.page`);
});

test("bad paging input is a validation error, and deep pages need the cursor", async () => {
  await expect(searchAudit(auditor, { cursor: "12; DROP" })).rejects.toMatchObject({
    code: "VALIDATION_FAILED",
    fields: { cursor: expect.any(String) },
  });
  await expect(searchAudit(auditor, { page: 500, pageSize: 100 })).rejects.toMatchObject({
    code: "VALIDATION_FAILED",
    fields: { page: expect.any(String) },
  });
});

test("only the audit administrator verifies the chain; it verifies, and the verification is audited", async () => {
  await expect(verifyAudit(officer)).rejects.toMatchObject({ code: "FORBIDDEN" });
  const report = await verifyAudit(auditor);
  expect(report).toMatchObject({ ok: true, firstBadId: null });
  expect(report.checked).toBeGreaterThan(25);
  const entry = await db.auditLog.findFirstOrThrow({ where: { action: "audit.verify", actorId: auditor.id } });
  expect(entry.details).toMatchObject({ ok: true, checked: report.checked });
});

test("the export is a real .xlsx (or CSV) of the matching entries with Chinese labels, and is audited", async () => {
  await expect(exportAudit(officer, {}, "xlsx")).rejects.toMatchObject({ code: "FORBIDDEN" });
  const xlsx = Buffer.from(
    await new Response(await exportAudit(auditor, { actor: officer.badgeNo, action: `test.${tag}` }, "xlsx")).arrayBuffer(),
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  expect(ws.getRow(1).getCell(1).value).toBe("编号");
  expect(ws.rowCount - 1).toBe(25);
  const csv = await new Response(await exportAudit(auditor, { actor: officer.badgeNo, action: "auth.sign_in" }, "csv")).text();
  expect(csv).toContain("登录");
  expect(csv).toContain("拒绝");
  const entries = await db.auditLog.findMany({ where: { action: "audit.export", actorId: auditor.id } });
  expect(entries.map((e) => (e.details as { format: string }).format).sort()).toEqual(["csv", "xlsx"]);
});
