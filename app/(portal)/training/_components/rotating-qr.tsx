"use client";

import { useEffect, useState } from "react";

type Fetcher = (sessionId: string, origin: string) => Promise<{ svg: string; url: string } | { error: string }>;

/** Asks the server for a fresh signed code every 30 s; each code is valid for two minutes. */
export function RotatingQr({ sessionId, fetchCode, intervalMs }: { sessionId: string; fetchCode: Fetcher; intervalMs: number }) {
  const [state, setState] = useState<{ svg?: string; url?: string; error?: string }>({});
  useEffect(() => {
    let alive = true;
    const load = async () => {
      const r = await fetchCode(sessionId, window.location.origin);
      if (alive) setState(r);
    };
    void load();
    const timer = setInterval(load, intervalMs);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [sessionId, fetchCode, intervalMs]);
  if (state.error)
    return (
      <p role="alert" className="text-red-700">
        {state.error}
      </p>
    );
  if (!state.svg) return <div className="aspect-square w-full max-w-[70vh] animate-pulse bg-slate-100" />;
  return (
    <div className="flex flex-col items-center">
      <div
        className="aspect-square w-full max-w-[70vh]"
        data-testid="qr"
        data-url={state.url}
        dangerouslySetInnerHTML={{ __html: state.svg }}
      />
    </div>
  );
}
