import { apiRoute } from "@/lib/http/api";
import { validationFailed } from "@/lib/errors";
import { importAttendance } from "@/lib/training/attendance-upload";

const MAX_BYTES = 5 * 1024 * 1024;

// multipart `file` (.xlsx or .csv) with a 警号 column and an optional 考勤 column.
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  if (Number(req.headers.get("content-length") ?? 0) > MAX_BYTES) throw validationFailed({ file: "文件过大（上限 5 MB）" });
  const form = await req.formData().catch(() => null);
  const file = form?.get("file");
  if (!form || !(file instanceof File)) throw validationFailed({ file: "请上传考勤表（.xlsx 或 .csv）" });
  if (file.size > MAX_BYTES) throw validationFailed({ file: "文件过大（上限 5 MB）" });
  return importAttendance(actor, params.id, { data: Buffer.from(await file.arrayBuffer()), fileName: file.name });
});
