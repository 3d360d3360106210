import Link from "next/link";
import { Bell, Check } from "lucide-react";

export type BellNotice = { id: string; title: string; body: string; link: string | null; at: string };

// The bell in the header: a <details> popover (no script needed) with my latest unread notices,
// each with a "mark read" button, and "mark all read". Texts are already in the reader's language.
export function NotificationBell({
  unread,
  notices,
  markRead,
  markAllRead,
  labels,
}: {
  unread: number;
  notices: BellNotice[];
  markRead: (fd: FormData) => Promise<void>;
  markAllRead: () => Promise<void>;
  labels: { bell: string; title: string; empty: string; markRead: string; markAllRead: string; all: string };
}) {
  const count = unread > 99 ? "99+" : String(unread);
  return (
    <details className="relative" data-testid="notification-bell">
      <summary className="relative flex cursor-pointer list-none rounded p-2 hover:bg-white/10" aria-label={labels.bell}>
        <Bell className="h-5 w-5" aria-hidden />
        {unread > 0 ? (
          <span className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs leading-5">{count}</span>
        ) : null}
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-80 max-w-[calc(100vw-1.5rem)] rounded-lg border border-slate-200 bg-white p-2 text-slate-900 shadow-lg">
        <div className="flex items-center justify-between px-2 py-1">
          <span className="text-sm font-semibold">{labels.title}</span>
          {unread > 0 ? (
            <form action={markAllRead}>
              <button type="submit" className="text-xs text-police-700 underline">
                {labels.markAllRead}
              </button>
            </form>
          ) : null}
        </div>
        {notices.length === 0 ? (
          <p className="px-2 py-3 text-sm text-slate-600">{labels.empty}</p>
        ) : (
          <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
            {notices.map((n) => (
              <li key={n.id} className="flex items-start gap-2 px-2 py-2" data-testid="bell-notice">
                <div className="min-w-0 flex-1">
                  <p className="text-sm font-medium">
                    {n.link ? (
                      <Link className="text-police-700 underline" href={n.link}>
                        {n.title}
                      </Link>
                    ) : (
                      n.title
                    )}
                  </p>
                  <p className="line-clamp-2 text-xs text-slate-600">{n.body}</p>
                  <p className="text-xs text-slate-400">{n.at}</p>
                </div>
                <form action={markRead}>
                  <input type="hidden" name="id" value={n.id} />
                  <button
                    type="submit"
                    className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-police-700"
                    title={labels.markRead}
                    aria-label={`${labels.markRead}：${n.title}`}
                  >
                    <Check className="h-4 w-4" aria-hidden />
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <Link href="/notifications" className="block border-t border-slate-100 px-2 pt-2 text-center text-xs text-police-700 underline">
          {labels.all}
        </Link>
      </div>
    </details>
  );
}
