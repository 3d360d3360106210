import path from "node:path";
import { db } from "@/lib/db";
import { runWorker } from "@/tests/helpers/worker";
import { createUnit } from "@/tests/factories";
import { createAuxiliaryProfile } from "@/tests/factories/benefits";
import { world } from "./helpers";

function worker(args: string[]) {
  return runWorker<{ imported?: number; error?: string }[]>(path.join(__dirname, "import-worker.ts"), args);
}

test("imports of one month from two OS processes: exactly one wins, the others get MONTH_ALREADY_IMPORTED", async () => {
  const w = await world();
  const unit = await createUnit({ parentId: w.stationA.id });
  const people = await Promise.all(Array.from({ length: 300 }, () => createAuxiliaryProfile({ unitId: unit.id })));
  const csv = [
    "auxNo,base,levelAllowance,seniorityAllowance,performance,socialInsurance,housingFund,deductions,net",
    ...people.map((p) => `${p.auxNo},3000,0.1,0.2,0,0,0,0,3000.30`),
  ].join("\n");
  const month = "2097-06";
  const results = (
    await Promise.all([worker([month, JSON.stringify(w.hrA), csv, ""]), worker([month, JSON.stringify(w.hrA), csv, ""])])
  ).flat();
  expect(results.filter((r) => r.imported === 300)).toHaveLength(1);
  expect(results.filter((r) => r.error === "MONTH_ALREADY_IMPORTED")).toHaveLength(5);
  expect(await db.payLine.count({ where: { month } })).toBe(300);
  expect(await db.payImport.count({ where: { month } })).toBe(1);
});

test("replacing a month from two OS processes at once leaves exactly one sheet's lines", async () => {
  const w = await world();
  const unit = await createUnit({ parentId: w.stationA.id });
  const people = await Promise.all(Array.from({ length: 100 }, () => createAuxiliaryProfile({ unitId: unit.id })));
  const sheet = (net: string, perf: string) =>
    [
      "auxNo,base,levelAllowance,seniorityAllowance,performance,socialInsurance,housingFund,deductions,net",
      ...people.map((p) => `${p.auxNo},3000,0,0,${perf},0,0,0,${net}`),
    ].join("\n");
  const month = "2097-07";
  const results = (
    await Promise.all([
      worker([month, JSON.stringify(w.hrA), sheet("3001.00", "1"), "true"]),
      worker([month, JSON.stringify(w.hrA), sheet("3002.00", "2"), "true"]),
    ])
  ).flat();
  expect(results.every((r) => r.imported === 100 || r.error === "MONTH_ALREADY_IMPORTED")).toBe(true);
  const lines = await db.payLine.findMany({ where: { month } });
  expect(lines).toHaveLength(100);
  expect(new Set(lines.map((l) => l.net.toFixed(2))).size).toBe(1);
});
