import { apiRoute, created } from "@/lib/http/api";
import { isDryRun, readSheetUpload } from "@/lib/uploads/form-file";
import { commitAuxImport, previewAuxImport } from "@/lib/benefits/aux-import";

// multipart `file` (.xlsx or .csv): all profiles or none (400 IMPORT_REJECTED with every bad row); dryRun=true previews.
export const POST = apiRoute(
  async ({ req, actor }) => {
    const { data, fileName, form } = await readSheetUpload(req, "请上传辅警档案表文件（.xlsx 或 .csv）");
    if (isDryRun(req, form)) return previewAuxImport(actor, { data, fileName });
    return created(await commitAuxImport(actor, { data, fileName }));
  },
  { permission: "benefits.manage" },
);
