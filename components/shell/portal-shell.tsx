import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LogOut, Menu, KeyRound, Languages } from "lucide-react";
import type { NavItem } from "@/lib/navigation";
import { NotificationBell, type BellNotice } from "./notification-bell";

export type ShellUser = { name: string; badgeNo: string; unitName: string; roles: readonly string[] };

// Header and navigation. Server-rendered; the phone menu is a <details> so it needs no script.
export async function PortalShell({
  user,
  nav,
  unread,
  notices,
  markRead,
  markAllRead,
  signOut,
  setLocale,
  children,
}: {
  user: ShellUser;
  nav: NavItem[];
  unread: number;
  /** my latest unread notices, texts in the reader's language */
  notices: BellNotice[];
  markRead: (fd: FormData) => Promise<void>;
  markAllRead: () => Promise<void>;
  /** where the sign-out form posts (a route, so its answer can carry Clear-Site-Data) */
  signOut: string;
  setLocale: (fd: FormData) => Promise<void>;
  children: React.ReactNode;
}) {
  const t = await getTranslations("common");
  const locale = await getLocale();
  const links = nav.map((n) => (
    <Link key={n.href} href={n.href} className="block rounded px-3 py-2 text-sm text-white/90 hover:bg-white/10 hover:text-white">
      {t(`nav.${n.label}`)}
    </Link>
  ));
  return (
    <div className="min-h-screen">
      <header className="no-print bg-police-700 text-white shadow">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-2 px-3 py-2 sm:px-4">
          <Link href="/" className="flex items-baseline gap-2 font-bold">
            <span className="text-lg">{t("appName")}</span>
            <span className="hidden text-xs font-normal text-white/70 sm:inline">{t("tagline")}</span>
          </Link>
          <div className="flex items-center gap-1">
            <NotificationBell
              unread={unread}
              notices={notices}
              markRead={markRead}
              markAllRead={markAllRead}
              labels={{
                bell: unread > 0 ? t("nav.notificationsUnread", { count: unread > 99 ? "99+" : unread }) : t("nav.notifications"),
                title: t("notifications.title"),
                empty: t("notifications.noUnread"),
                markRead: t("notifications.markRead"),
                markAllRead: t("notifications.markAllRead"),
                all: t("notifications.all"),
              }}
            />
            <span className="hidden text-right text-xs leading-tight md:block">
              <span className="block text-sm font-medium">{user.name}</span>
              <span className="text-white/70">
                {user.badgeNo} · {user.unitName}
              </span>
            </span>
            <form action={setLocale}>
              <input type="hidden" name="locale" value={locale === "zh-CN" ? "en" : "zh-CN"} />
              <button
                type="submit"
                className="rounded p-2 text-xs hover:bg-white/10"
                title={t("nav.language")}
                aria-label={t("nav.language")}
              >
                <Languages className="inline h-5 w-5" aria-hidden />
                <span className="sr-only">{t("nav.language")}</span>
              </button>
            </form>
            <Link href="/account/password" className="hidden rounded p-2 hover:bg-white/10 sm:block" title={t("nav.account")}>
              <KeyRound className="h-5 w-5" aria-hidden />
              <span className="sr-only">{t("nav.account")}</span>
            </Link>
            <form action={signOut} method="post">
              <button type="submit" className="flex items-center gap-1 rounded p-2 text-sm hover:bg-white/10" aria-label={t("nav.signOut")}>
                <LogOut className="h-5 w-5" aria-hidden />
                <span className="hidden sm:inline">{t("nav.signOut")}</span>
              </button>
            </form>
          </div>
        </div>
        <nav className="mx-auto hidden max-w-6xl flex-wrap gap-1 px-3 pb-2 sm:flex sm:px-4" aria-label={t("nav.menu")}>
          {links}
        </nav>
        <details className="px-3 pb-2 sm:hidden">
          <summary className="flex cursor-pointer list-none items-center gap-2 py-1 text-sm">
            <Menu className="h-5 w-5" aria-hidden /> {t("nav.menu")}
          </summary>
          <nav className="mt-1 grid grid-cols-2 gap-1" aria-label={t("nav.menu")}>
            {links}
            <Link href="/account/password" className="block rounded px-3 py-2 text-sm text-white/90 hover:bg-white/10">
              {t("nav.account")}
            </Link>
          </nav>
        </details>
      </header>
      <main className="mx-auto max-w-6xl px-3 py-4 sm:px-4 sm:py-6">{children}</main>
    </div>
  );
}
