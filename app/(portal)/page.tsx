import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/access";
import { requireUser } from "@/lib/auth/current";
import { getHome } from "@/lib/home/queries";
import { localized } from "@/lib/i18n/localized";
import { NAV_ITEMS } from "@/lib/navigation";
import { Card, PageHeader, Badge } from "@/components/ui/card";
import { markReadAction } from "./actions";

const link = "text-police-700 underline";

function Line({ children, testId }: { children: React.ReactNode; testId?: string }) {
  return (
    <li className="flex flex-wrap items-baseline gap-x-2" data-testid={testId}>
      {children}
    </li>
  );
}

// One card per role the user holds: the next thing to do there, with a link to do it.
export default async function HomePage() {
  const actor = await requireUser({ next: "/" });
  const [t, tLeave, format, locale, home] = await Promise.all([
    getTranslations("common"),
    getTranslations("leave.types"),
    getFormatter(),
    getLocale(),
    getHome(actor),
  ]);
  const nav = NAV_ITEMS.filter((n) => n.anyOf.some((p) => can(actor, p)));
  const when = (d: Date) => format.dateTime(d, "short");
  const { officer: o, unitLead: lead, lecturer, trainingAdmin: ta, liaison, hr, sysAdmin, securityAdmin, auditAdmin } = home;
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
      <div className="grid gap-4 md:grid-cols-2">
        {home.unread.total > 0 ? (
          <Card
            title={`${t("home.notices")}（${home.unread.total}）`}
            actions={
              <Link className={`${link} text-sm`} href="/notifications">
                {t("home.noticesAll")}
              </Link>
            }
          >
            <ul className="divide-y divide-slate-100 text-sm" data-testid="home-notices">
              {home.unread.items.map((n) => (
                <li key={n.id} className="flex items-start gap-2 py-2">
                  <div className="min-w-0 flex-1">
                    {n.link ? (
                      <Link className={link} href={n.link}>
                        {localized(locale, n.title, n.titleEn)}
                      </Link>
                    ) : (
                      <span className="font-medium">{localized(locale, n.title, n.titleEn)}</span>
                    )}
                    <p className="text-xs text-slate-600">{localized(locale, n.body, n.bodyEn)}</p>
                  </div>
                  <form action={markReadAction}>
                    <input type="hidden" name="id" value={n.id} />
                    <button type="submit" className="text-xs text-police-700 underline">
                      {t("notifications.markRead")}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}

        {o ? (
          <Card title={t("home.agenda")}>
            <ul className="space-y-2 text-sm" data-testid="home-agenda">
              {o.hours ? (
                <li>
                  <div className="flex items-baseline justify-between">
                    <span>{t("home.hoursProgress", { year: o.hours.year })}</span>
                    <Link className={link} href="/training/me">
                      {t("home.details")}
                    </Link>
                  </div>
                  <div
                    className="mt-1 h-2 rounded bg-slate-100"
                    role="progressbar"
                    aria-valuemin={0}
                    aria-valuemax={o.hours.required || 1}
                    aria-valuenow={Math.min(o.hours.done, o.hours.required || o.hours.done)}
                    aria-label={t("home.hoursLine", { done: o.hours.done, required: o.hours.required })}
                  >
                    <div
                      className={`h-2 rounded ${o.hours.done >= o.hours.required ? "bg-green-600" : "bg-police-600"}`}
                      style={{ width: `${o.hours.required ? Math.min(100, (o.hours.done / o.hours.required) * 100) : 100}%` }}
                    />
                  </div>
                  <p className="mt-1 text-xs text-slate-600">{t("home.hoursLine", { done: o.hours.done, required: o.hours.required })}</p>
                </li>
              ) : null}
              {o.hours ? (
                <Line>
                  {o.nextSession ? (
                    <>
                      <span>{t("home.nextSession")}：</span>
                      <Link className={link} href={`/training/${o.nextSession.id}`}>
                        {o.nextSession.title}
                      </Link>
                      <span className="text-slate-600">
                        （{when(o.nextSession.startsAt)} · {o.nextSession.venue}）
                      </span>
                    </>
                  ) : (
                    <>
                      <span>{t("home.noSession")}</span>
                      <Link className={link} href="/training">
                        {t("home.browse")}
                      </Link>
                    </>
                  )}
                </Line>
              ) : null}
              {o.waitlist.length ? (
                <li>
                  <span>{t("home.waitlistTitle")}：</span>
                  <ul className="ml-4 list-disc" data-testid="home-waitlist">
                    {o.waitlist.map((w) => (
                      <li key={w.id}>
                        <Link className={link} href={`/training/${w.id}`}>
                          {w.title}
                        </Link>{" "}
                        <span className="text-slate-600">
                          （{when(w.startsAt)}）{w.position ? t("home.waitlistPos", { n: w.position }) : null}
                        </span>
                      </li>
                    ))}
                  </ul>
                </li>
              ) : null}
              {o.toRate ? (
                <li>
                  <Link className={link} href="/training/me">
                    {t("home.toRate", { n: o.toRate })}
                  </Link>
                </li>
              ) : null}
              <Line>
                {o.nextVisit ? (
                  <>
                    <span>{t("home.nextVisit")}：</span>
                    <Link className={link} href={`/medical/bookings/${o.nextVisit.id}`}>
                      {localized(locale, o.nextVisit.serviceName, o.nextVisit.serviceNameEn)}
                    </Link>
                    <span className="text-slate-600">（{when(o.nextVisit.startsAt)}）</span>
                  </>
                ) : (
                  <>
                    <span>{t("home.noVisit")}</span>
                    <Link className={link} href="/medical">
                      {t("home.book")}
                    </Link>
                  </>
                )}
              </Line>
            </ul>
          </Card>
        ) : null}

        {lead ? (
          <Card title={t("home.leadTitle", { people: lead.people })}>
            <div className="space-y-3 text-sm" data-testid="home-unit-lead">
              <div>
                <div className="flex items-baseline justify-between">
                  <span className="font-medium">{t("home.behindTitle", { n: lead.behindCount })}</span>
                  <Link className={link} href="/training/unit">
                    {t("home.allCompliance")}
                  </Link>
                </div>
                {lead.behind.length ? (
                  <ul className="mt-1 space-y-1">
                    {lead.behind.map((p) => (
                      <li key={p.id} className="flex justify-between gap-2">
                        <span>
                          {p.name} <span className="text-slate-500">{p.badgeNo}</span>
                        </span>
                        <span className="text-slate-600">
                          {p.done} / {p.required}
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="text-slate-600">{t("home.noneBehind")}</p>
                )}
              </div>
              <div>
                <div className="flex items-baseline justify-between">
                  <span className="font-medium">{t("home.awayTitle", { n: lead.awayToday.length })}</span>
                  <Link className={link} href="/leave/calendar">
                    {t("home.details")}
                  </Link>
                </div>
                {lead.awayToday.length ? (
                  <ul className="mt-1 space-y-1" data-testid="home-away">
                    {lead.awayToday.map((a) => (
                      <li key={a.id} className="flex flex-wrap justify-between gap-2">
                        <span>
                          {a.name} · {tLeave(a.type)}
                          {a.status === "PENDING" ? (
                            <>
                              {" "}
                              <Badge tone="amber">{t("home.pending")}</Badge>
                            </>
                          ) : null}
                        </span>
                        <span className="text-slate-600">
                          {a.from} ~ {a.to}
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="text-slate-600">{t("home.noneAway")}</p>
                )}
              </div>
              {lead.pendingApprovals ? (
                <p>
                  <Link className={link} href="/leave/approvals">
                    {t("home.pendingApprovals", { n: lead.pendingApprovals })}
                  </Link>
                </p>
              ) : null}
            </div>
          </Card>
        ) : null}

        {lecturer !== undefined ? (
          <Card title={t("home.lecturerTitle")}>
            {lecturer ? (
              <div className="space-y-2 text-sm" data-testid="home-lecturer">
                <p>
                  <Link className={link} href={`/training/${lecturer.next.id}`}>
                    {lecturer.next.title}
                  </Link>
                </p>
                <p className="text-slate-600">
                  {when(lecturer.next.startsAt)} · {lecturer.next.venue} ·{" "}
                  {t("home.seats", { n: lecturer.next.enrolledCount, cap: lecturer.next.capacity })}
                </p>
                <div className="flex flex-wrap gap-2">
                  <Link
                    href={`/training/${lecturer.next.id}/qr`}
                    className="rounded-md bg-police-700 px-3 py-2 font-medium text-white hover:bg-police-800"
                  >
                    {t("home.showQr")}
                  </Link>
                  <Link href={`/training/${lecturer.next.id}/roster`} className="rounded-md border border-slate-300 px-3 py-2">
                    {t("home.roster")}
                  </Link>
                </div>
              </div>
            ) : (
              <p className="text-sm text-slate-600">{t("home.noTeaching")}</p>
            )}
          </Card>
        ) : null}

        {ta ? (
          <Card
            title={t("home.adminTitle")}
            actions={
              <Link className={`${link} text-sm`} href="/training/manage">
                {t("home.manage")}
              </Link>
            }
          >
            <div className="space-y-3 text-sm" data-testid="home-training-admin">
              {(
                [
                  ["drafts", ta.drafts],
                  ["full", ta.full],
                  ["toClose", ta.toClose],
                ] as const
              ).map(([key, group]) => (
                <div key={key}>
                  <p className="font-medium">{t(`home.${key}`, { n: group.total })}</p>
                  {group.items.length ? (
                    <ul className="mt-1 space-y-1">
                      {group.items.map((s) => (
                        <li key={s.id} className="flex flex-wrap justify-between gap-2">
                          <Link className={link} href={`/training/manage/${s.id}`}>
                            {s.title}
                          </Link>
                          <span className="text-slate-600">
                            {when(s.startsAt)}
                            {"waitlistCount" in s && s.waitlistCount ? ` · ${t("home.waitlistCount", { n: s.waitlistCount })}` : ""}
                          </span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="text-slate-500">{t("home.nothingToDo")}</p>
                  )}
                </div>
              ))}
            </div>
          </Card>
        ) : null}

        {liaison ? (
          <Card title={t("home.liaisonTitle", { date: liaison.date })}>
            <div className="space-y-2 text-sm" data-testid="home-liaison">
              <div className="flex flex-wrap gap-2">
                <Badge tone="blue">{t("home.booked", { n: liaison.counts.booked })}</Badge>
                <Badge tone="green">{t("home.checkedIn", { n: liaison.counts.checkedIn })}</Badge>
                <Badge>{t("home.completed", { n: liaison.counts.completed })}</Badge>
                <Badge tone="amber">{t("home.noShow", { n: liaison.counts.noShow })}</Badge>
                {liaison.counts.urgent ? <Badge tone="red">{t("home.urgent", { n: liaison.counts.urgent })}</Badge> : null}
              </div>
              <p className="text-slate-600">{t("home.freeSeats", { slots: liaison.slots, n: liaison.freeSeats })}</p>
              <Link className={link} href="/medical/manage">
                {t("home.board")}
              </Link>
            </div>
          </Card>
        ) : null}

        {hr ? (
          <Card title={t("home.hrTitle")}>
            <ul className="space-y-2 text-sm" data-testid="home-hr">
              <li>
                <Link className={link} href="/benefits/dashboard">
                  {t("home.casesToApprove", { n: hr.casesToApprove })}
                </Link>
                {hr.casesToPay ? <span className="ml-2 text-slate-600">{t("home.casesToPay", { n: hr.casesToPay })}</span> : null}
              </li>
              <li>
                <Link className={link} href="/benefits/equipment">
                  {t("home.equipmentOwed", { n: hr.equipmentOwed })}
                </Link>
                <span className="ml-2 text-slate-600">{t("home.equipmentDueSoon", { n: hr.equipmentDueSoon })}</span>
              </li>
              <li>
                {hr.thisMonthImported ? (
                  <span>{t("home.payImported", { month: hr.month, rows: hr.lastPayImport?.rowCount ?? 0 })}</span>
                ) : (
                  <>
                    <span>{t("home.payMissing", { month: hr.month })}</span>
                    {hr.lastPayImport ? (
                      <span className="ml-2 text-slate-600">{t("home.lastImport", { month: hr.lastPayImport.month })}</span>
                    ) : null}{" "}
                    <Link className={link} href="/benefits/pay-import">
                      {t("home.importPay")}
                    </Link>
                  </>
                )}
              </li>
            </ul>
          </Card>
        ) : null}

        {sysAdmin ? (
          <Card title={t("home.sysTitle")}>
            <ul className="space-y-2 text-sm" data-testid="home-sys-admin">
              <li>{t("home.activeUsers", { n: sysAdmin.activeUsers, units: sysAdmin.units })}</li>
              <li>{t("home.awaitingFirstSignIn", { n: sysAdmin.awaitingFirstSignIn })}</li>
              <li>{t("home.missingServiceStart", { n: sysAdmin.missingServiceStart })}</li>
              <li>
                <Link className={link} href="/admin/users">
                  {t("home.users")}
                </Link>
              </li>
            </ul>
          </Card>
        ) : null}

        {securityAdmin ? (
          <Card title={t("home.secTitle")}>
            <ul className="space-y-2 text-sm" data-testid="home-security-admin">
              <li>{t("home.locked", { n: securityAdmin.lockedAccounts })}</li>
              <li>{t("home.mfaMissing", { n: securityAdmin.mfaNotEnrolled })}</li>
              <li>
                <Link className={link} href="/admin/security">
                  {t("home.security")}
                </Link>
              </li>
            </ul>
          </Card>
        ) : null}

        {auditAdmin ? (
          <Card title={t("home.auditTitle")}>
            <ul className="space-y-2 text-sm" data-testid="home-audit-admin">
              <li>{t("home.refusals", { n: auditAdmin.refusalsToday })}</li>
              <li>{t("home.failures", { n: auditAdmin.failuresToday })}</li>
              <li>
                <Link className={link} href="/admin/audit">
                  {t("home.audit")}
                </Link>
              </li>
            </ul>
          </Card>
        ) : null}
      </div>

      <Card title={t("home.quickLinks")} className="mt-4">
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
