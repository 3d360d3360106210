import "server-only";
import { validationFailed } from "@/lib/errors";
import { MAX_SHEET_BYTES } from "./sheet";

/** The multipart `file` of an import request, refused before parsing when larger than the sheet limit. */
export async function readSheetUpload(req: Request, missing: string): Promise<{ data: Buffer; fileName: string; form: FormData }> {
  const tooLarge = () => validationFailed({ file: `文件过大（上限 ${MAX_SHEET_BYTES / 1024 / 1024} MB）` });
  if (Number(req.headers.get("content-length") ?? 0) > MAX_SHEET_BYTES + 64 * 1024) throw tooLarge();
  const form = await req.formData().catch(() => null);
  const file = form?.get("file");
  if (!form || !(file instanceof File)) throw validationFailed({ file: missing });
  if (file.size > MAX_SHEET_BYTES) throw tooLarge();
  return { data: Buffer.from(await file.arrayBuffer()), fileName: file.name, form };
}

/** `?dryRun=true` (or a form field dryRun=true): preview only, nothing written. */
export const isDryRun = (req: Request, form: FormData) =>
  new URL(req.url).searchParams.get("dryRun") === "true" || form.get("dryRun") === "true";
