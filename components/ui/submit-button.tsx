"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** What an irreversible action asks before it runs (texts come from the page's catalogue). */
export type Confirm = { text: string; yes: string; no: string };

type Variant = "primary" | "secondary" | "danger" | "ghost";

/**
 * The submit button of an action form. Disabled while the action runs. With `confirm`, the first
 * click only asks: the question and a "yes" button that submits, or "no" to step back. A new
 * answer from the action (`state`) closes the question again.
 */
export function SubmitButton({
  label,
  variant = "primary",
  pending,
  confirm,
  state,
  className = "",
}: {
  label: string;
  variant?: Variant;
  pending: boolean;
  confirm?: Confirm;
  state: object;
  className?: string;
}) {
  const [askedAt, setAskedAt] = useState<object | null>(null);
  const asking = !!confirm && askedAt === state;
  if (!confirm) {
    return (
      <Button type="submit" variant={variant} disabled={pending} className={className}>
        {label}
      </Button>
    );
  }
  if (!asking) {
    return (
      <Button type="button" variant={variant} disabled={pending} className={className} onClick={() => setAskedAt(state)}>
        {label}
      </Button>
    );
  }
  return (
    <span role="alertdialog" aria-label={confirm.text} className="inline-flex flex-wrap items-center gap-2 rounded-md bg-amber-50 p-2">
      <span className="text-sm text-amber-900">{confirm.text}</span>
      <Button type="submit" variant={variant === "danger" ? "danger" : "primary"} disabled={pending} className={className} autoFocus>
        {confirm.yes}
      </Button>
      <Button type="button" variant="secondary" disabled={pending} className={className} onClick={() => setAskedAt(null)}>
        {confirm.no}
      </Button>
    </span>
  );
}
