// scripts/test.mjs provides a fresh database and throw-away secrets; refuse to run without them
// rather than touching a developer's own database.
if (!process.env.DATABASE_URL || !/jingxin_test_/.test(process.env.DATABASE_URL)) {
  throw new Error("Run the tests with `npm test`: it prepares a fresh test database.");
}
process.env.TZ = "UTC";
