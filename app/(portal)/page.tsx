import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/access";
import { requireUser } from "@/lib/auth/current";
import { NAV_ITEMS } from "@/lib/navigation";
import { countMyUnread } from "@/lib/notifications/queries";
import { Card, PageHeader, Badge } from "@/components/ui/card";

export default async function HomePage() {
  const actor = await requireUser({ next: "/" });
  const t = await getTranslations("common");
  const nav = NAV_ITEMS.filter((n) => n.anyOf.some((p) => can(actor, p)));
  const unread = await countMyUnread(actor);
  return (
    <>
      <PageHeader
        title={t("home.welcome", { name: actor.name })}
        subtitle={t("home.unit", { unit: actor.unitName })}
        actions={
          <div className="flex flex-wrap gap-1">
            {actor.roles.map((r) => (
              <Badge key={r} tone="blue">
                {t(`roles.${r}`)}
              </Badge>
            ))}
          </div>
        }
      />
      {unread > 0 ? (
        <p className="mb-4">
          <Link className="text-police-700 underline" href="/notifications">
            {t("home.unread", { count: unread })}
          </Link>
        </p>
      ) : null}
      <Card title={t("home.quickLinks")}>
        {nav.length ? (
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {nav.map((n) => (
              <Link
                key={n.href}
                href={n.href}
                className="rounded-lg border border-slate-200 p-4 text-center text-sm font-medium text-police-700 hover:border-police-600 hover:bg-police-50"
              >
                {t(`nav.${n.label}`)}
              </Link>
            ))}
          </div>
        ) : (
          <p className="text-sm text-slate-600">{t("home.noModules")}</p>
        )}
      </Card>
    </>
  );
}
