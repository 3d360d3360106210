// Run by scripts/audit-verify.mjs (`npm run audit:verify`): prints the chain report as JSON.
import { unsafeVerifyAuditChain } from "@/lib/audit/chain";
import { db } from "@/lib/db";

let code = 2;
try {
  const report = await unsafeVerifyAuditChain();
  console.log(JSON.stringify(report));
  console.error(
    report.ok
      ? `audit chain intact: ${report.checked} entries verified (from seq ${report.anchorSeq} to ${report.lastSeq})`
      : `AUDIT CHAIN BROKEN (${report.problem}): first bad entry id ${report.firstBadId ?? "— the newest entries are missing"}, ${report.checked} entries checked`,
  );
  code = report.ok ? 0 : 1;
} catch (e) {
  console.error("audit:verify could not run:", e instanceof Error ? e.message : e);
} finally {
  await db.$disconnect();
}
process.exit(code);
