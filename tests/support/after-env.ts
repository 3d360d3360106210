import { db } from "@/lib/db";

// Each test file's process holds a connection pool; close it so Jest can exit.
afterAll(async () => {
  await db.$disconnect();
});
