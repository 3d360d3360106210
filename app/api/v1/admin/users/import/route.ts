import { apiRoute, created } from "@/lib/http/api";
import { validationFailed } from "@/lib/errors";
import { MAX_IMPORT_BYTES, commitUserImport } from "@/lib/users/import";

// multipart `file` (.xlsx or .csv): all accounts or none (400 IMPORT_REJECTED with every bad row).
export const POST = apiRoute(
  async ({ req, actor }) => {
    const tooLarge = () => validationFailed({ file: `文件过大（上限 ${MAX_IMPORT_BYTES / 1024 / 1024} MB）` });
    if (Number(req.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES + 64 * 1024) throw tooLarge();
    const form = await req.formData().catch(() => null);
    const file = form?.get("file");
    if (!form || !(file instanceof File)) throw validationFailed({ file: "请上传人员表文件（.xlsx 或 .csv）" });
    if (file.size > MAX_IMPORT_BYTES) throw tooLarge();
    const res = await commitUserImport(actor, { data: Buffer.from(await file.arrayBuffer()), fileName: file.name });
    return created({ ...res, passwordsUrl: `/api/v1/admin/users/imports/${res.importId}/passwords` });
  },
  { permission: "users.manage" },
);
