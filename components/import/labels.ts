import { getTranslations } from "next-intl/server";
import type { SheetImportLabels } from "./sheet-import-form";

const KEYS = [
  "file",
  "preview",
  "commit",
  "row",
  "ok",
  "rowsOk",
  "bad",
  "rejected",
  "reading",
  "committing",
  "elapsed",
  "shownRows",
] as const;

/** The form's texts from "common.sheetImport", raw so that {count} and {seconds} are filled in the browser. */
export async function sheetImportLabels(done: string): Promise<SheetImportLabels> {
  const t = await getTranslations("common.sheetImport");
  return { ...(Object.fromEntries(KEYS.map((k) => [k, t.raw(k) as string])) as Omit<SheetImportLabels, "done">), done };
}
