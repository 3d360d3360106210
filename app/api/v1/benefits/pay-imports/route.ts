import { apiRoute, created } from "@/lib/http/api";
import { validationFailed } from "@/lib/errors";
import { commitPayImport } from "@/lib/benefits/pay-import";

// A month's sheet for a whole bureau is well under 5 MB; refuse anything larger before parsing.
const MAX_BYTES = 20 * 1024 * 1024;

export const POST = apiRoute(
  async ({ req, actor }) => {
    if (Number(req.headers.get("content-length") ?? 0) > MAX_BYTES) throw validationFailed({ file: "文件过大（上限 20 MB）" });
    const form = await req.formData().catch(() => null);
    const file = form?.get("file");
    if (!form || !(file instanceof File)) throw validationFailed({ file: "请上传工资表文件（.xlsx 或 .csv）" });
    if (file.size > MAX_BYTES) throw validationFailed({ file: "文件过大（上限 20 MB）" });
    const result = await commitPayImport(actor, {
      month: form.get("month"),
      replace: form.get("replace"),
      data: Buffer.from(await file.arrayBuffer()),
      fileName: file.name,
    });
    return created({ imported: result.imported });
  },
  { permission: "benefits.manage" },
);
