import { apiRoute } from "@/lib/http/api";
import { markNotificationRead, notificationJson } from "@/lib/notifications/queries";

export const POST = apiRoute<{ id: string }>(async ({ params, actor }) => notificationJson(await markNotificationRead(actor, params.id)));
