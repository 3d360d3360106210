"use client";

import { startTransition, useActionState, useRef } from "react";
import { Alert } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { UserImportState } from "../../actions";

type Labels = Record<
  | "file"
  | "preview"
  | "commit"
  | "row"
  | "ok"
  | "rowsOk"
  | "bad"
  | "created"
  | "rejected"
  | "badgeNo"
  | "name"
  | "unit"
  | "kind"
  | "working"
  | "download"
  | "downloadHint"
  | "shownRows"
  | "OFFICER"
  | "AUXILIARY",
  string
>;

/**
 * Upload → preview (every bad row listed) → confirm, as the pay import does: submitted by hand so
 * that React does not empty the file field after the preview. After an import, the one-time
 * download of the initial passwords is a plain POST form to the API (the response is the file).
 */
export function UserImportForm({
  action,
  labels,
}: {
  action: (s: UserImportState, fd: FormData) => Promise<UserImportState>;
  labels: Labels;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [state, formAction, pending] = useActionState(async (prev: UserImportState, fd: FormData) => {
    const next = await action(prev, fd);
    if (next.created !== undefined) formRef.current?.reset();
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
          {pending ? (
            <span role="status" className="self-center text-sm text-slate-600">
              {labels.working}
            </span>
          ) : null}
        </div>
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
        {p ? (
          <div className="space-y-2">
            {badCount ? (
              <Alert kind="error">
                {labels.bad.replace("{count}", String(badCount))}
                <ul className="mt-2 list-disc pl-5" data-testid="bad-rows">
                  {p.errors.map((r) => (
                    <li key={r.row}>
                      {labels.row} {r.row}：{r.message}
                    </li>
                  ))}
                </ul>
              </Alert>
            ) : (
              <Alert kind="success">{labels.rowsOk.replace("{count}", String(p.count))}</Alert>
            )}
            {p.rows.length < p.count ? (
              <p className="text-xs text-slate-600">{labels.shownRows.replace("{count}", String(p.rows.length))}</p>
            ) : null}
            <div className="max-h-96 overflow-auto rounded border border-slate-200">
              <table className="min-w-full text-sm" data-testid="preview">
                <thead className="sticky top-0 bg-slate-50">
                  <tr>
                    {[labels.row, labels.badgeNo, labels.name, labels.unit, labels.kind, ""].map((h, i) => (
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
                      <td className="px-3 py-1 font-mono">{r.badgeNo}</td>
                      <td className="px-3 py-1">{r.name}</td>
                      <td className="px-3 py-1">{r.unitName ?? ""}</td>
                      <td className="px-3 py-1">{r.kind ? labels[r.kind] : ""}</td>
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
      {state.created !== undefined && state.importId ? (
        <Alert kind="success">
          {labels.created.replace("{count}", String(state.created))}
          <form method="post" action={`/api/v1/admin/users/imports/${state.importId}/passwords`} className="mt-2">
            <Button type="submit">{labels.download}</Button>
            <p className="mt-1 text-xs">{labels.downloadHint}</p>
          </form>
        </Alert>
      ) : null}
    </div>
  );
}
