import { can } from "@/lib/access";
import { requireUser } from "@/lib/auth/current";
import { NAV_ITEMS } from "@/lib/navigation";
import { countMyUnread } from "@/lib/notifications/queries";
import { PortalShell } from "@/components/shell/portal-shell";
import { setLocaleAction, signOutAction } from "./actions";

// The shell shows only what the user may use. It is not a security boundary: every page and
// action checks again (STYLE.md).
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireUser({ allowPasswordChange: true, next: "/" });
  const nav = NAV_ITEMS.filter((n) => n.anyOf.some((p) => can(actor, p)));
  const unread = await countMyUnread(actor);
  return (
    <PortalShell
      user={{ name: actor.name, badgeNo: actor.badgeNo, unitName: actor.unitName, roles: actor.roles }}
      nav={nav}
      unread={unread}
      signOut={signOutAction}
      setLocale={setLocaleAction}
    >
      {children}
    </PortalShell>
  );
}
