import { can } from "@/lib/access";
import { requireUser } from "@/lib/auth/current";
import { NAV_ITEMS } from "@/lib/navigation";
import { getFormatter, getLocale } from "next-intl/server";
import { localized } from "@/lib/i18n/localized";
import { myUnreadBell } from "@/lib/notifications/queries";
import { PortalShell } from "@/components/shell/portal-shell";
import { markAllReadAction, markReadAction, setLocaleAction } from "./actions";

// The shell shows only what the user may use. It is not a security boundary: every page and
// action checks again (STYLE.md).
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  // The pages below decide for themselves; the shell lets the password-change and second-factor
  // pages through. A signed-out visit returns to the very URL it asked for (proxy.ts, requireUser).
  const actor = await requireUser({ allowPasswordChange: true, allowMfaEnrolment: true });
  const nav = NAV_ITEMS.filter((n) => n.anyOf.some((p) => can(actor, p)));
  const [latest, locale, format] = await Promise.all([myUnreadBell(actor), getLocale(), getFormatter()]);
  const notices = latest.items.map((n) => ({
    id: n.id,
    title: localized(locale, n.title, n.titleEn),
    body: localized(locale, n.body, n.bodyEn),
    link: n.link,
    at: format.dateTime(n.createdAt, "short"),
  }));
  return (
    <PortalShell
      user={{ name: actor.name, badgeNo: actor.badgeNo, unitName: actor.unitName, roles: actor.roles }}
      nav={nav}
      unread={latest.total}
      notices={notices}
      markRead={markReadAction}
      markAllRead={markAllReadAction}
      signOut="/account/sign-out"
      setLocale={setLocaleAction}
    >
      {children}
    </PortalShell>
  );
}
