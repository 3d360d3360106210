"use client";

import { useState, useTransition } from "react";

/** Shows the masked number; the full one only after an explicit click (audited on the server). */
export function RevealId({
  masked,
  label,
  hint,
  reveal,
}: {
  masked: string;
  label: string;
  hint: string;
  reveal: () => Promise<{ idNumber?: string; message?: string }>;
}) {
  const [shown, setShown] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className="font-mono" data-testid="id-number">
        {shown ?? masked}
      </span>
      {shown ? null : (
        <button
          type="button"
          className="no-print text-xs text-amber-800 underline"
          title={hint}
          disabled={pending}
          onClick={() =>
            start(async () => {
              const r = await reveal();
              if (r.idNumber) setShown(r.idNumber);
              else setError(r.message ?? "");
            })
          }
        >
          {label}
        </button>
      )}
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
