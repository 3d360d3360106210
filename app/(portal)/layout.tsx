import { can } from "@/lib/access";
import { requireUser } from "@/lib/auth/current";
import { NAV_ITEMS } from "@/lib/navigation";
import { countMyUnread } from "@/lib/notifications/queries";
import { PortalShell } from "@/components/shell/portal-shell";
import { setLocaleAction } from "./actions";

// The shell shows only what the user may use. It is not a security boundary: every page and
// action checks again (STYLE.md).
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  // The pages below decide for themselves; the shell lets the password-change and second-factor
  // pages through. A signed-out visit returns to the very URL it asked for (proxy.ts, requireUser).
  const actor = await requireUser({ allowPasswordChange: true, allowMfaEnrolment: true });
  const nav = NAV_ITEMS.filter((n) => n.anyOf.some((p) => can(actor, p)));
  const unread = await countMyUnread(actor);
  return (
    <PortalShell
      user={{ name: actor.name, badgeNo: actor.badgeNo, unitName: actor.unitName, roles: actor.roles }}
      nav={nav}
      unread={unread}
      signOut="/account/sign-out"
      setLocale={setLocaleAction}
    >
      {children}
    </PortalShell>
  );
}
