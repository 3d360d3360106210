import { apiRoute } from "@/lib/http/api";
import { markAllPresent } from "@/lib/training/attendance-bulk";

export const POST = apiRoute<{ id: string }>(async ({ actor, params }) => markAllPresent(actor, params.id));
