// The benefits JSON API (API.md "Auxiliary-officer benefits") against the demo seed.
import { ApiClient, BASE_URL, signedIn } from "./support";

const HEADER = "auxNo,base,levelAllowance,seniorityAllowance,performance,socialInsurance,housingFund,deductions,net";
const row = (auxNo: string, net = "3950.30") => `${auxNo},3000.10,500.10,200.10,800,300,200,50,${net}`;
const futureMonth = () => `20${40 + Math.floor(Math.random() * 59)}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, "0")}`;
const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function idNumber(seq: number) {
  const first17 = `210302${1990 + (seq % 10)}0615${String(seq % 1000).padStart(3, "0")}`;
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * W[i]!, 0);
  return first17 + "10X98765432"[sum % 11];
}
function upload(month: string, csv: string, extra: Record<string, string> = {}) {
  const fd = new FormData();
  fd.set("file", new Blob([csv], { type: "text/csv" }), "pay.csv");
  fd.set("month", month);
  for (const [k, v] of Object.entries(extra)) fd.set(k, v);
  return fd;
}

describe("benefits API", () => {
  let hr: ApiClient, aux1: ApiClient, aux2: ApiClient;
  let f1Id: string, f2Id: string;
  beforeAll(async () => {
    [hr, aux1, aux2] = await Promise.all([signedIn("020001"), signedIn("F00001"), signedIn("F00002")]);
    const list = await hr.req("GET", "/api/v1/benefits/auxiliaries?q=F0000&pageSize=100");
    f1Id = list.data.items.find((i: { auxNo: string }) => i.auxNo === "F00001").id;
    f2Id = list.data.items.find((i: { auxNo: string }) => i.auxNo === "F00002").id;
  });

  test("HR lists the roster with masked ID numbers only", async () => {
    const res = await hr.req("GET", "/api/v1/benefits/auxiliaries?pageSize=100");
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ page: 1, pageSize: 100 });
    expect(res.data.total).toBeGreaterThanOrEqual(20);
    for (const item of res.data.items) {
      expect(Object.keys(item)).toEqual(expect.arrayContaining(["id", "auxNo", "name", "unit", "level", "status", "idNumberMasked"]));
      expect(item.idNumberMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    }
    expect(res.text).not.toMatch(/\d{17}[\dX]/);
  });

  test("an officer and a non-HR admin are refused with 403", async () => {
    const officer = await signedIn("100005");
    expect((await officer.req("GET", "/api/v1/benefits/auxiliaries")).status).toBe(403);
    expect((await officer.req("GET", `/api/v1/benefits/auxiliaries/${f1Id}`)).status).toBe(403);
    expect((await officer.req("GET", "/api/v1/benefits/records")).status).toBe(403);
    const admin = await signedIn("000001");
    const res = await admin.req("GET", `/api/v1/benefits/auxiliaries/${f1Id}`);
    expect(res.status).toBe(403);
    expect(res.data.error.code).toBe("FORBIDDEN");
  });

  test("an auxiliary officer reads their own profile; another id is 404", async () => {
    const own = await aux1.req("GET", `/api/v1/benefits/auxiliaries/${f1Id}`);
    expect(own.status).toBe(200);
    expect(own.data.auxNo).toBe("F00001");
    const other = await aux1.req("GET", `/api/v1/benefits/auxiliaries/${f2Id}`);
    expect(other.status).toBe(404);
    expect(other.data.error.code).toBe("NOT_FOUND");
    expect((await aux1.req("GET", "/api/v1/benefits/auxiliaries")).status).toBe(403);
  });

  test("records: an auxiliary officer gets only their own whatever the query says", async () => {
    const res = await aux2.req("GET", `/api/v1/benefits/records?auxiliaryId=${f1Id}`);
    expect(res.status).toBe(200);
    expect(res.data.length).toBeGreaterThan(0);
    expect(res.data.every((r: { auxiliaryId: string }) => r.auxiliaryId === f2Id)).toBe(true);
    const pay = await aux2.req("GET", "/api/v1/benefits/records?category=PAY");
    expect(pay.data.every((r: { category: string; amount: string }) => r.category === "PAY" && /^\d+\.\d{2}$/.test(r.amount))).toBe(true);
  });

  test("HR creates a profile: a bad check digit is 400 fields.idNumber, a good one 201 masked", async () => {
    const me = await hr.req("GET", "/api/v1/me");
    const seq = Math.floor(Math.random() * 900) + 50;
    const good = idNumber(seq);
    const bad = good.slice(0, 17) + (good[17] === "1" ? "2" : "1");
    const auxNo = `E${String(Date.now()).slice(-6)}`;
    const body = { auxNo, name: "接口测试", idNumber: bad, unitId: me.data.unit.id, post: "DUTY", hireDate: "2025-03-01", level: 1 };
    const r1 = await hr.req("POST", "/api/v1/benefits/auxiliaries", { body });
    expect(r1.status).toBe(400);
    expect(r1.data.error.code).toBe("VALIDATION_FAILED");
    expect(r1.data.error.fields.idNumber).toBeTruthy();
    expect(r1.text).not.toContain(bad);
    const r2 = await hr.req("POST", "/api/v1/benefits/auxiliaries", { body: { ...body, idNumber: good } });
    expect(r2.status).toBe(201);
    expect(r2.data.idNumberMasked).toBe(`2103**********${good.slice(-4)}`);
    expect(r2.text).not.toContain(good);
    const reveal = await hr.req("POST", `/api/v1/benefits/auxiliaries/${r2.data.id}/id-number`);
    expect(reveal.data.idNumber).toBe(good);
    expect((await hr.req("POST", "/api/v1/benefits/auxiliaries", { body: { ...body, level: 0 } })).status).toBe(400);
  });

  test("pay import: one bad row rejects with the row listed; fixed imports; re-import is 409 unless replace", async () => {
    const month = futureMonth();
    const bad = [HEADER, row("F00001"), row("F00002", "3950.31"), row("F00003")].join("\n");
    const r1 = await hr.req("POST", "/api/v1/benefits/pay-imports", { raw: upload(month, bad) });
    expect(r1.status).toBe(400);
    expect(r1.data.error.code).toBe("IMPORT_REJECTED");
    expect(r1.data.error.rows).toEqual([{ row: 3, message: expect.stringContaining("实发") }]);
    const good = [HEADER, row("F00001"), row("F00002"), row("F00003")].join("\n");
    const r2 = await hr.req("POST", "/api/v1/benefits/pay-imports", { raw: upload(month, good) });
    expect(r2.status).toBe(201);
    expect(r2.data).toEqual({ imported: 3 });
    const r3 = await hr.req("POST", "/api/v1/benefits/pay-imports", { raw: upload(month, good) });
    expect(r3.status).toBe(409);
    expect(r3.data.error.code).toBe("MONTH_ALREADY_IMPORTED");
    const r4 = await hr.req("POST", "/api/v1/benefits/pay-imports", { raw: upload(month, good, { replace: "true" }) });
    expect(r4.status).toBe(201);
    const mine = await aux1.req("GET", "/api/v1/benefits/records?category=PAY");
    expect(mine.data.find((r: { details: { month: string } }) => r.details.month === month)).toMatchObject({ amount: "3950.30" });
    const officer = await signedIn("100005");
    expect((await officer.req("POST", "/api/v1/benefits/pay-imports", { raw: upload(futureMonth(), good) })).status).toBe(403);
  });

  test("a state-changing call from a foreign Origin is refused", async () => {
    const c = new ApiClient("https://evil.example");
    c.jar = hr.jar;
    const res = await c.req("POST", "/api/v1/benefits/records", {
      body: { auxiliaryId: f1Id, category: "AWARD", occurredOn: "2026-01-01", title: "x" },
    });
    expect(res.status).toBe(403);
  });

  test("HR records an award (201) and the officer sees it", async () => {
    const res = await hr.req("POST", "/api/v1/benefits/records", {
      body: { auxiliaryId: f1Id, category: "AWARD", occurredOn: "2026-11-20", title: "嘉奖（接口测试）", amount: "200.5" },
    });
    expect(res.status).toBe(201);
    expect(res.data).toMatchObject({ category: "AWARD", amount: "200.50", auxiliaryId: f1Id });
    const mine = await aux1.req("GET", "/api/v1/benefits/records?category=AWARD");
    expect(mine.data.some((r: { id: string }) => r.id === res.data.id)).toBe(true);
    expect(
      (
        await aux1.req("POST", "/api/v1/benefits/records", {
          body: { auxiliaryId: f1Id, category: "AWARD", occurredOn: "2026-11-20", title: "自己加" },
        })
      ).status,
    ).toBe(403);
  });

  test("exports: the pay-line CSV streams and the roster is masked by default", async () => {
    const csv = await hr.req("GET", "/api/v1/benefits/exports/pay-lines");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.text.split("\n")[0]).toContain("辅警编号");
    const roster = await hr.req("GET", "/api/v1/benefits/exports/roster?format=csv");
    expect(roster.status).toBe(200);
    expect(roster.text).toMatch(/2103\*{10}/);
    expect(roster.text).not.toMatch(/\b2103\d{13}[\dX]\b/);
    expect((await aux1.req("GET", "/api/v1/benefits/exports/pay-lines")).status).toBe(403);
    const candidates = await hr.req("GET", "/api/v1/benefits/exports/promotion-candidates?format=csv");
    expect(candidates.status).toBe(200);
    expect(candidates.text).toContain("辅警编号");
    const due = await hr.req("GET", "/api/v1/benefits/exports/equipment-due?format=xlsx");
    expect(due.status).toBe(200);
    expect(due.headers.get("content-type")).toContain("spreadsheetml");
  });

  test("the OpenAPI document lists the benefits paths", async () => {
    const res = await fetch(`${BASE_URL}/api/v1/openapi.json`);
    const doc = await res.json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/benefits/auxiliaries",
        "/api/v1/benefits/auxiliaries/{id}",
        "/api/v1/benefits/records",
        "/api/v1/benefits/pay-imports",
      ]),
    );
  });
});
