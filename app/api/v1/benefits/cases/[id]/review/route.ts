import { apiRoute, readJson } from "@/lib/http/api";
import { reviewCase } from "@/lib/benefits/mutations";

// body {decision: "APPROVE"|"REJECT", amountApproved?, note?}; 409 INVALID_TRANSITION / SELF_REVIEW.
export const POST = apiRoute<{ id: string }>(async ({ req, params, actor }) => reviewCase(actor, params.id, await readJson(req)), {
  permission: "benefits.manage",
});
