"use client";

import { createContext, useActionState, useContext, type ReactNode } from "react";
import { Alert } from "@/components/ui/card";
import { SubmitButton, type Confirm } from "@/components/ui/submit-button";

type State = { ok?: boolean; message?: string; fields?: Record<string, string>; result?: Record<string, string> };
const FormState = createContext<State>({});

/**
 * A form bound to a server action through useActionState: shows the action's message and lets
 * <FieldError name="…"/> show per-field errors. Fields themselves are plain inputs (server-rendered).
 */
export function ActionForm({
  action,
  children,
  submitLabel,
  successText,
  className = "space-y-4",
  variant = "primary",
  resultLabels = {},
  confirm,
}: {
  action: (prev: State, fd: FormData) => Promise<State>;
  children?: ReactNode;
  submitLabel: string;
  successText?: string;
  className?: string;
  variant?: "primary" | "secondary" | "danger";
  /** labels for values the action returns once (a temporary password): shown selectable. */
  resultLabels?: Record<string, string>;
  /** an irreversible action asks first */
  confirm?: Confirm;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className={className}>
      <FormState.Provider value={state}>
        {state.message && !state.ok ? <Alert kind="error">{state.message}</Alert> : null}
        {state.ok && successText ? <Alert kind="success">{successText}</Alert> : null}
        {state.ok && state.result
          ? Object.entries(state.result).map(([k, v]) => <TemporaryPassword key={k} label={resultLabels[k] ?? k} value={v} />)
          : null}
        {children}
        <SubmitButton label={submitLabel} variant={variant} pending={pending} confirm={confirm} state={state} />
      </FormState.Provider>
    </form>
  );
}

export function FieldError({ name }: { name: string }) {
  const { fields } = useContext(FormState);
  const msg = fields?.[name];
  return msg ? (
    <p role="alert" className="mt-1 text-sm text-red-700">
      {msg}
    </p>
  ) : null;
}

export function TemporaryPassword({ label, value }: { label: string; value: string }) {
  return (
    <Alert kind="warning">
      {label}
      <code className="ml-2 select-all rounded bg-white px-2 py-1 font-mono text-base">{value}</code>
    </Alert>
  );
}
