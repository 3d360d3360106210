import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/current";
import { listMyNotifications } from "@/lib/notifications/queries";
import { Button } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { markAllReadAction } from "../actions";

export default async function NotificationsPage() {
  const actor = await requireUser({ next: "/notifications" });
  const [t, format, items] = await Promise.all([getTranslations("common.notifications"), getFormatter(), listMyNotifications(actor)]);
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          items.some((n) => !n.readAt) ? (
            <form action={markAllReadAction}>
              <Button variant="secondary">{t("markAllRead")}</Button>
            </form>
          ) : null
        }
      />
      <Card>
        {items.length === 0 ? (
          <p className="text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {items.map((n) => (
              <li key={n.id} className="py-3">
                <div className="flex flex-wrap items-center gap-2">
                  {!n.readAt ? <Badge tone="red">{t("unread")}</Badge> : null}
                  <span className="font-medium">
                    {n.link ? (
                      <Link className="text-police-700 underline" href={n.link}>
                        {n.title}
                      </Link>
                    ) : (
                      n.title
                    )}
                  </span>
                  <span className="ml-auto text-xs text-slate-500">{format.dateTime(n.createdAt, "full")}</span>
                </div>
                <p className="mt-1 text-sm text-slate-700">{n.body}</p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
