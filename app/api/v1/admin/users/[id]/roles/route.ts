import { apiRoute, readJson } from "@/lib/http/api";
import { grantRoles } from "@/lib/users/roles";

// The security administrator sets an account's roles; body {roles, password, otp?} (step-up).
export const PUT = apiRoute<{ id: string }>(async ({ req, actor, params }) => grantRoles(actor, params.id, await readJson(req)), {
  permission: "roles.grant",
});
