import { apiRoute, created } from "@/lib/http/api";
import { validationFailed } from "@/lib/errors";
import { commitPayImport } from "@/lib/benefits/pay-import";

export const POST = apiRoute(async ({ req, actor }) => {
  const form = await req.formData().catch(() => null);
  const file = form?.get("file");
  if (!form || !(file instanceof File)) throw validationFailed({ file: "请上传工资表文件（.xlsx 或 .csv）" });
  const result = await commitPayImport(actor, { month: form.get("month"), replace: form.get("replace"), data: Buffer.from(await file.arrayBuffer()), fileName: file.name });
  return created({ imported: result.imported });
}, { permission: "benefits.manage" });
