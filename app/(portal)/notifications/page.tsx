import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/current";
import { localized } from "@/lib/i18n/localized";
import { listMyNotifications } from "@/lib/notifications/queries";
import { Button } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { markAllReadAction, markReadAction } from "../actions";

export default async function NotificationsPage() {
  const actor = await requireUser({ next: "/notifications" });
  const [t, format, locale, items] = await Promise.all([
    getTranslations("common.notifications"),
    getFormatter(),
    getLocale(),
    listMyNotifications(actor),
  ]);
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
                        {localized(locale, n.title, n.titleEn)}
                      </Link>
                    ) : (
                      localized(locale, n.title, n.titleEn)
                    )}
                  </span>
                  <span className="ml-auto text-xs text-slate-500">{format.dateTime(n.createdAt, "full")}</span>
                  {!n.readAt ? (
                    <form action={markReadAction}>
                      <input type="hidden" name="id" value={n.id} />
                      <button type="submit" className="text-xs text-police-700 underline">
                        {t("markRead")}
                      </button>
                    </form>
                  ) : null}
                </div>
                <p className="mt-1 text-sm text-slate-700">{localized(locale, n.body, n.bodyEn)}</p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
