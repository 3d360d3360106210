"use client";

import { useActionState, type ReactNode } from "react";
import { SubmitButton, type Confirm } from "@/components/ui/submit-button";
import { Alert } from "@/components/ui/card";
import type { State } from "../actions";

type Variant = "primary" | "secondary" | "danger" | "ghost";

/** A server-action form that shows the domain's message (and field messages) next to it. */
export function ActionForm({
  action,
  children,
  submit,
  variant = "primary",
  okText,
  className = "",
  inline = false,
  testId,
  confirm,
}: {
  action: (s: State, fd: FormData) => Promise<State>;
  children?: ReactNode;
  submit: string;
  variant?: Variant;
  okText?: string;
  className?: string;
  inline?: boolean;
  testId?: string;
  /** an irreversible action asks first */
  confirm?: Confirm;
}) {
  const [state, run, pending] = useActionState<State, FormData>(action, {});
  const fields = Object.entries(state.fields ?? {});
  return (
    <form
      action={run}
      className={inline ? `inline-flex flex-wrap items-center gap-2 ${className}` : `space-y-3 ${className}`}
      data-testid={testId}
    >
      {children}
      <SubmitButton
        label={submit}
        variant={variant}
        pending={pending}
        confirm={confirm}
        state={state}
        className={inline ? "min-h-9 px-3 py-1" : ""}
      />
      {state.message ? (
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
      ) : null}
      {state.ok && okText ? <Alert kind="success">{okText}</Alert> : null}
    </form>
  );
}
