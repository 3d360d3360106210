import { apiRoute, readQuery } from "@/lib/http/api";
import { listNotifications, notificationJson } from "@/lib/notifications/queries";

export const GET = apiRoute(async ({ req, actor }) => {
  const page = await listNotifications(actor, readQuery(req));
  return { ...page, items: page.items.map(notificationJson) };
});
