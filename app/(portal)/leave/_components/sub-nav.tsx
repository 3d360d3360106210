import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can, type Actor, type Permission } from "@/lib/access";

const LINKS: [string, string, Permission[]][] = [
  ["/leave", "mine", ["leave.request"]],
  ["/leave/approvals", "approvals", ["leave.approve"]],
  ["/leave/calendar", "calendar", ["leave.approve", "leave.hr"]],
  ["/leave/balances", "balances", ["leave.approve", "leave.hr"]],
  ["/leave/hr", "hr", ["leave.hr"]],
  ["/leave/holidays", "holidays", ["leave.calendar.manage"]],
];

export async function LeaveNav({ actor, current }: { actor: Actor; current: string }) {
  const t = await getTranslations("leave.nav");
  const links = LINKS.filter(([, , anyOf]) => anyOf.some((p) => can(actor, p)));
  if (links.length < 2) return null;
  return (
    <nav className="no-print mb-4 flex gap-1 overflow-x-auto border-b border-slate-200 text-sm" aria-label={t("mine")}>
      {links.map(([href, key]) => (
        <Link
          key={href}
          href={href}
          aria-current={current === href ? "page" : undefined}
          className={`whitespace-nowrap border-b-2 px-3 py-2 ${current === href ? "border-police-700 font-semibold text-police-800" : "border-transparent text-slate-600 hover:text-slate-900"}`}
        >
          {t(key)}
        </Link>
      ))}
    </nav>
  );
}
