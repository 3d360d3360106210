import { db } from "@/lib/db";

test("connects to the per-run test database", async () => {
  const rows = await db.$queryRaw<{ current_database: string }[]>`select current_database()`;
  expect(rows[0]?.current_database).toMatch(/^jingxin_test_/);
});
