import { apiRoute, readJson } from "@/lib/http/api";
import { markAttendance } from "@/lib/training/mutations";

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => markAttendance(actor, params.id, await readJson(req)));
