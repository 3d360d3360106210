"use client";

import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

type Row = { row: number; errors: string[] } & Record<string, unknown>;
export type SheetImportFormState = {
  preview?: { count: number; rows: Row[]; errors: { row: number; message: string }[] };
  done?: { created: number } & Record<string, number>;
  message?: string;
  rows?: { row: number; message: string }[];
};
export type SheetImportLabels = Record<
  | "file"
  | "preview"
  | "commit"
  | "row"
  | "ok"
  | "rowsOk"
  | "bad"
  | "done"
  | "rejected"
  | "reading"
  | "committing"
  | "elapsed"
  | "shownRows",
  string
>;

/**
 * Upload → preview (every bad row listed) → confirm, as the user import does; submitted by hand so
 * that React does not empty the file field after the preview. While the server works the form
 * shows an indeterminate progress bar, the row count being written and the seconds elapsed:
 * a server action answers once, so this is honest about what it knows.
 */
export function SheetImportForm<S extends SheetImportFormState>({
  action,
  labels,
  columns,
  valueLabels = {},
}: {
  action: (s: S, fd: FormData) => Promise<S>;
  labels: SheetImportLabels;
  columns: { key: string; label: string; mono?: boolean }[];
  valueLabels?: Record<string, string>;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [intent, setIntent] = useState<"preview" | "commit">("preview");
  const [state, formAction, pending] = useActionState<S, FormData>(async (prev: S, fd: FormData) => {
    const next = await action(prev, fd);
    if (next.done) formRef.current?.reset();
    return next;
  }, {} as Awaited<S>);
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!pending) return;
    const started = Date.now();
    const t = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => {
      clearInterval(t);
      setSeconds(0);
    };
  }, [pending]);
  const p = state.preview;
  const badCount = p?.errors.length ?? 0;
  const fill = (s: string, count: number) => s.replace("{count}", String(count));
  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    setIntent(submitter?.getAttribute("value") === "commit" ? "commit" : "preview");
    const fd = new FormData(e.currentTarget, submitter);
    startTransition(() => formAction(fd));
  };
  return (
    <div className="space-y-4">
      <form ref={formRef} onSubmit={submit} className="space-y-4" aria-busy={pending}>
        <label className="block text-sm">
          {labels.file}
          <input className={inputClass} type="file" name="file" accept=".xlsx,.csv" required />
        </label>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" name="intent" value="preview" variant="secondary" disabled={pending}>
            {labels.preview}
          </Button>
          <Button type="submit" name="intent" value="commit" disabled={pending || !p || badCount > 0}>
            {labels.commit}
          </Button>
        </div>
        {pending ? (
          <div role="status" className="space-y-1 text-sm text-slate-600" data-testid="import-progress">
            <progress className="h-2 w-full max-w-md" aria-label={labels.reading} />
            <p>
              {intent === "commit" && p ? fill(labels.committing, p.count) : labels.reading}{" "}
              {labels.elapsed.replace("{seconds}", String(seconds))}
            </p>
          </div>
        ) : null}
        {state.message ? (
          <Alert kind="error">
            {state.rows ? labels.rejected : null} {state.message}
            {state.rows ? (
              <ul className="mt-2 list-disc pl-5" data-testid="rejected-rows">
                {state.rows.map((r) => (
                  <li key={r.row}>
                    {labels.row} {r.row}：{r.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : null}
        {p && !state.done ? (
          <div className="space-y-2">
            {badCount ? (
              <Alert kind="error">
                {fill(labels.bad, badCount)}
                <ul className="mt-2 list-disc pl-5" data-testid="bad-rows">
                  {p.errors.map((r) => (
                    <li key={r.row}>
                      {labels.row} {r.row}：{r.message}
                    </li>
                  ))}
                </ul>
              </Alert>
            ) : (
              <Alert kind="success">{fill(labels.rowsOk, p.count)}</Alert>
            )}
            {p.rows.length < p.count ? <p className="text-xs text-slate-600">{fill(labels.shownRows, p.rows.length)}</p> : null}
            <div className="max-h-96 overflow-auto rounded border border-slate-200">
              <table className="min-w-full text-sm" data-testid="preview">
                <thead className="sticky top-0 bg-slate-50">
                  <tr>
                    {[labels.row, ...columns.map((c) => c.label), ""].map((h, i) => (
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
                      {columns.map((c) => {
                        const v = r[c.key] === null || r[c.key] === undefined ? "" : String(r[c.key]);
                        return (
                          <td key={c.key} className={`px-3 py-1 ${c.mono ? "font-mono" : ""}`}>
                            {valueLabels[v] ?? v}
                          </td>
                        );
                      })}
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
      {state.done ? (
        <Alert kind="success">
          <span data-testid="import-done">{fill(labels.done, state.done.created)}</span>
        </Alert>
      ) : null}
    </div>
  );
}
