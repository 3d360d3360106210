"use client";

import zh from "@/lib/i18n/messages/zh-CN/common.json";
import en from "@/lib/i18n/messages/en/common.json";

// Shows nothing of the error itself: details stay in the server log. The strings come straight
// from the catalogues (no i18n runtime on the client); the page language picks the locale.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = (typeof document !== "undefined" && document.documentElement.lang === "en" ? en : zh).errors;
  return (
    <main className="flex min-h-[70vh] items-center justify-center px-4">
      <div className="max-w-md text-center">
        <h1 className="text-xl font-semibold">{t.errorTitle}</h1>
        <p className="mt-2 text-sm text-slate-600">{t.errorBody}</p>
        <button onClick={reset} className="mt-6 rounded-md bg-police-700 px-4 py-2 text-sm text-white">
          {t.retry}
        </button>
      </div>
    </main>
  );
}
