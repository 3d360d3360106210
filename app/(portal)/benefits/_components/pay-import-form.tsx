"use client";

import { startTransition, useActionState, useRef } from "react";
import { Alert } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { PayImportState } from "../actions";

type Labels = Record<
  | "file"
  | "month"
  | "replace"
  | "preview"
  | "commit"
  | "rows"
  | "ok"
  | "rowsOk"
  | "bad"
  | "monthImported"
  | "imported"
  | "rejected"
  | "auxNo"
  | "name"
  | "net"
  | "working",
  string
>;

/**
 * Upload → preview (every row checked) → commit. The form is submitted by hand, not through the
 * form's action attribute: React resets a form after its action, which emptied the file field
 * after the preview and left "确认导入" with nothing to send. It is cleared only after an import.
 */
export function PayImportForm({
  action,
  labels,
  defaultMonth,
}: {
  action: (s: PayImportState, fd: FormData) => Promise<PayImportState>;
  labels: Labels;
  defaultMonth: string;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [state, formAction, pending] = useActionState(async (prev: PayImportState, fd: FormData) => {
    const next = await action(prev, fd);
    if (next.imported !== undefined) formRef.current?.reset();
    return next;
  }, {});
  const p = state.preview;
  const badCount = p?.errors.length ?? 0;
  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const fd = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(fd));
  };
  return (
    <form ref={formRef} onSubmit={submit} className="space-y-4" aria-busy={pending}>
      <div className="grid gap-3 sm:grid-cols-3">
        <label className="text-sm sm:col-span-2">
          {labels.file}
          <input className={inputClass} type="file" name="file" accept=".xlsx,.csv" required />
        </label>
        <label className="text-sm">
          {labels.month}
          <input className={inputClass} type="month" name="month" required defaultValue={defaultMonth} />
        </label>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="replace" value="true" /> {labels.replace}
      </label>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="intent" value="preview" variant="secondary" disabled={pending}>
          {labels.preview}
        </Button>
        <Button type="submit" name="intent" value="commit" disabled={pending || badCount > 0}>
          {labels.commit}
        </Button>
        {pending ? (
          <span role="status" className="self-center text-sm text-slate-600">
            {labels.working}
          </span>
        ) : null}
      </div>
      {state.imported !== undefined ? <Alert kind="success">{labels.imported.replace("{count}", String(state.imported))}</Alert> : null}
      {state.message ? (
        <Alert kind="error">
          {state.rows ? labels.rejected : null} {state.message}
          {state.rows ? (
            <ul className="mt-2 list-disc pl-5" data-testid="rejected-rows">
              {state.rows.map((r) => (
                <li key={r.row}>
                  {labels.rows} {r.row}：{r.message}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      {p ? (
        <div className="space-y-2">
          {p.monthImported ? <Alert kind="warning">{labels.monthImported}</Alert> : null}
          {badCount ? (
            <Alert kind="error">{labels.bad.replace("{count}", String(badCount))}</Alert>
          ) : (
            <Alert kind="success">{labels.rowsOk.replace("{count}", String(p.count)).replace("{total}", p.total)}</Alert>
          )}
          <div className="max-h-96 overflow-auto rounded border border-slate-200">
            <table className="min-w-full text-sm" data-testid="preview">
              <thead className="sticky top-0 bg-slate-50">
                <tr>
                  {[labels.rows, labels.auxNo, labels.name, labels.net, ""].map((h, i) => (
                    <th key={i} className="px-3 py-2 text-left font-medium text-slate-600">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {p.rows.map((r) => (
                  <tr key={r.row} className={r.errors.length ? "bg-red-50" : ""}>
                    <td className="px-3 py-1">{r.row}</td>
                    <td className="px-3 py-1 font-mono">{r.auxNo}</td>
                    <td className="px-3 py-1">{r.name ?? ""}</td>
                    <td className="px-3 py-1 text-right font-mono">{r.net ?? ""}</td>
                    <td className={`px-3 py-1 ${r.errors.length ? "text-red-800" : "text-green-700"}`}>
                      {r.errors.length ? r.errors.join("；") : labels.ok}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
    </form>
  );
}
