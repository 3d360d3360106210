import { db } from "@/lib/db";
import { listPayScale } from "@/lib/benefits/queries";
import { world } from "./helpers";

test("the pay scale lists every level in order with exact amounts, for HR and auxiliary officers only", async () => {
  // levels far above the seed's, so the rows are this test's whatever else the database holds
  await db.payScale.createMany({
    data: [
      { level: 902, base: "3100.50", levelAllowance: "300.05", note: "二级" },
      { level: 901, base: "3000.00", levelAllowance: "0.10" },
    ],
  });
  const w = await world();
  const mine = (await listPayScale(w.hrA)).filter((r) => r.level > 900);
  expect(mine).toEqual([
    { level: 901, base: "3000.00", levelAllowance: "0.10", note: null },
    { level: 902, base: "3100.50", levelAllowance: "300.05", note: "二级" },
  ]);
  expect((await listPayScale(w.auxA)).filter((r) => r.level > 900)).toHaveLength(2);
  await expect(listPayScale(w.officer)).rejects.toMatchObject({ code: "FORBIDDEN" });
});
