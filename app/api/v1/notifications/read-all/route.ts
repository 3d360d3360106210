import { apiRoute } from "@/lib/http/api";
import { countMyUnread, markAllMyNotificationsRead } from "@/lib/notifications/queries";

export const POST = apiRoute(async ({ actor }) => ({
  marked: await markAllMyNotificationsRead(actor),
  unread: await countMyUnread(actor),
}));
