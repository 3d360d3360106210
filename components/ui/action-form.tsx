"use client";

import { createContext, useActionState, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/card";
import { SubmitButton, type Confirm } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/http/actions";

type FormContext = { state: ActionState; claim: (name: string) => () => void };
const FormState = createContext<FormContext>({ state: {}, claim: () => () => {} });

/**
 * The one form bound to a server action (useActionState, lib/http/actions.ts formAction): shows
 * the action's message, lets <FieldError name="…"/> show per-field errors and lists under the
 * message the field errors no <FieldError/> shows, and shows once-only values (`secrets`) selectable. Fields
 * themselves are plain inputs (server-rendered). An `inline` form (a button in a table row) puts
 * its message after the button.
 */
export function ActionForm({
  action,
  children,
  submitLabel,
  successText,
  className,
  variant = "primary",
  secretLabels = {},
  confirm,
  inline = false,
  testId,
}: {
  action: (prev: ActionState, fd: FormData) => Promise<ActionState>;
  children?: ReactNode;
  submitLabel: string;
  successText?: string;
  className?: string;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  /** labels for the values the action returns once (a temporary password) */
  secretLabels?: Record<string, string>;
  /** an irreversible action asks first */
  confirm?: Confirm;
  inline?: boolean;
  testId?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const [claimed, setClaimed] = useState<ReadonlySet<string>>(new Set());
  const claim = useCallback((name: string) => {
    setClaimed((c) => new Set(c).add(name));
    return () =>
      setClaimed((c) => {
        const n = new Set(c);
        n.delete(name);
        return n;
      });
  }, []);
  const context = useMemo(() => ({ state, claim }), [state, claim]);
  const fields = Object.entries(state.fields ?? {}).filter(([k]) => !claimed.has(k));
  const error =
    state.message && !state.ok ? (
      <Alert kind="error">
        {state.message}
        {fields.length ? (
          <ul className="mt-1 list-disc pl-5">
            {fields.map(([k, v]) => (
              <li key={k}>{v}</li>
            ))}
          </ul>
        ) : null}
      </Alert>
    ) : null;
  const layout = inline ? `inline-flex flex-wrap items-center gap-2 ${className ?? ""}` : (className ?? "space-y-4");
  return (
    <form action={formAction} className={layout} data-testid={testId}>
      <FormState.Provider value={context}>
        {inline ? null : error}
        {state.ok && successText ? <Alert kind="success">{successText}</Alert> : null}
        {state.ok && state.secrets
          ? Object.entries(state.secrets).map(([k, v]) => <OneTimeValue key={k} label={secretLabels[k] ?? k} value={v} />)
          : null}
        {children}
        <SubmitButton
          label={submitLabel}
          variant={variant}
          pending={pending}
          confirm={confirm}
          state={state}
          className={inline ? "min-h-9 px-3 py-1" : ""}
        />
        {inline ? error : null}
      </FormState.Provider>
    </form>
  );
}

export function FieldError({ name }: { name: string }) {
  const { state, claim } = useContext(FormState);
  useEffect(() => claim(name), [claim, name]);
  const msg = state.fields?.[name];
  return msg ? (
    <p role="alert" className="mt-1 text-sm text-red-700">
      {msg}
    </p>
  ) : null;
}

/** A value shown once (a temporary password, a recovery code): selectable, on a warning. */
export function OneTimeValue({ label, value }: { label: string; value: string }) {
  return (
    <Alert kind="warning">
      {label}
      <code className="ml-2 select-all rounded bg-white px-2 py-1 font-mono text-base">{value}</code>
    </Alert>
  );
}
