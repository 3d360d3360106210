import "server-only";
import { isAppError } from "@/lib/errors";

// The form edge of a sheet import (preview → confirm), shared by the unit and auxiliary imports:
// the file travels with both submits, the preview sent back is the first 100 rows and every bad
// one (a 5,000-row sheet is not sent back whole), an AppError becomes the form's message.

export type SheetPreview<R> = { count: number; rows: (R & { errors: string[] })[]; errors: { row: number; message: string }[] };
export type SheetImportState<R, C = { created: number }> = {
  preview?: SheetPreview<R>;
  done?: C;
  message?: string;
  rows?: { row: number; message: string }[];
};

export async function runSheetImport<R, C>(
  fd: FormData,
  missing: string,
  steps: {
    preview: (f: { data: Buffer; fileName: string }) => Promise<SheetPreview<R>>;
    commit: (f: { data: Buffer; fileName: string }) => Promise<C>;
  },
): Promise<SheetImportState<R, C>> {
  try {
    const file = fd.get("file");
    if (!(file instanceof File) || !file.size) return { message: missing };
    const input = { data: Buffer.from(await file.arrayBuffer()), fileName: file.name };
    if (fd.get("intent") === "commit") return { done: await steps.commit(input) };
    const preview = await steps.preview(input);
    return { preview: { ...preview, rows: preview.rows.filter((r, i) => i < 100 || r.errors.length) } };
  } catch (e) {
    if (isAppError(e)) {
      const rows = (e.extra?.rows as { row: number; message: string }[] | undefined) ?? undefined;
      const fieldMsg = e.fields ? Object.values(e.fields).join("；") : "";
      return { message: fieldMsg || e.message, rows };
    }
    throw e;
  }
}
