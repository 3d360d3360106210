import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/lib/access";
import { requireUser } from "@/lib/auth/current";
import { NAV_ITEMS } from "@/lib/navigation";
import { countMyUnread } from "@/lib/notifications/queries";
import { getMyTraining } from "@/lib/training/queries";
import { listBookings } from "@/lib/medical/queries";
import { Card, PageHeader, Badge } from "@/components/ui/card";

export default async function HomePage() {
  const actor = await requireUser({ next: "/" });
  const t = await getTranslations("common");
  const nav = NAV_ITEMS.filter((n) => n.anyOf.some((p) => can(actor, p)));
  const [unread, format, training, visits] = await Promise.all([
    countMyUnread(actor),
    getFormatter(),
    can(actor, "training.book") ? getMyTraining(actor) : null,
    can(actor, "medical.book") ? listBookings(actor, { pageSize: 20 }, { mine: true }) : null,
  ]);
  const now = new Date();
  const nextSession = training?.upcoming[0];
  const nextVisit = visits?.items
    .filter((b) => (b.status === "BOOKED" || b.status === "CHECKED_IN") && (b.endsAt ?? b.startsAt) >= now)
    .sort((a, b) => +a.startsAt - +b.startsAt)[0];
  const h = training?.creditHours;
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
      {training || visits ? (
        <Card title={t("home.agenda")} className="mb-4">
          <ul className="space-y-2 text-sm" data-testid="home-agenda">
            {h ? (
              <li>
                {t("home.hours", { year: h.year, done: h.thisYear, required: h.required })}{" "}
                <Link className="text-police-700 underline" href="/training/me">
                  {t("home.details")}
                </Link>
              </li>
            ) : null}
            {training ? (
              <li>
                {nextSession ? (
                  <>
                    {t("home.nextSession")}：
                    <Link className="text-police-700 underline" href={`/training/${nextSession.session.id}`}>
                      {nextSession.session.title}
                    </Link>
                    <span className="text-slate-600">（{format.dateTime(nextSession.session.startsAt, "short")}）</span>
                  </>
                ) : (
                  <>
                    {t("home.noSession")}{" "}
                    <Link className="text-police-700 underline" href="/training">
                      {t("home.browse")}
                    </Link>
                  </>
                )}
                {training.waitlisted.length ? (
                  <span className="ml-2 text-slate-600">{t("home.waitlisted", { n: training.waitlisted.length })}</span>
                ) : null}
              </li>
            ) : null}
            {training?.toRate.length ? (
              <li>
                <Link className="text-police-700 underline" href="/training/me">
                  {t("home.toRate", { n: training.toRate.length })}
                </Link>
              </li>
            ) : null}
            {visits ? (
              <li>
                {nextVisit ? (
                  <>
                    {t("home.nextVisit")}：
                    <Link className="text-police-700 underline" href={`/medical/bookings/${nextVisit.id}`}>
                      {nextVisit.service.name}
                    </Link>
                    <span className="text-slate-600">（{format.dateTime(nextVisit.startsAt, "short")}）</span>
                  </>
                ) : (
                  <>
                    {t("home.noVisit")}{" "}
                    <Link className="text-police-700 underline" href="/medical">
                      {t("home.book")}
                    </Link>
                  </>
                )}
              </li>
            ) : null}
          </ul>
        </Card>
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
