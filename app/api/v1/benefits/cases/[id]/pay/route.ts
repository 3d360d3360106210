import { apiRoute } from "@/lib/http/api";
import { markCasePaid } from "@/lib/benefits/mutations";

export const POST = apiRoute<{ id: string }>(async ({ params, actor }) => markCasePaid(actor, params.id), {
  permission: "benefits.manage",
});
