import { apiRoute } from "@/lib/http/api";
import { getAuxiliary } from "@/lib/benefits/queries";

// HR in the subtree, or the auxiliary officer themself (another id → 404); other roles → 403.
export const GET = apiRoute<{ id: string }>(async ({ params, actor }) => getAuxiliary(actor, params.id));
