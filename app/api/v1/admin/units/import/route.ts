import { apiRoute, created } from "@/lib/http/api";
import { isDryRun, readSheetUpload } from "@/lib/uploads/form-file";
import { commitUnitImport, previewUnitImport } from "@/lib/users/unit-import";

// multipart `file` (.xlsx or .csv): all units or none (400 IMPORT_REJECTED with every bad row); dryRun=true previews.
export const POST = apiRoute(
  async ({ req, actor }) => {
    const { data, fileName, form } = await readSheetUpload(req, "请上传单位表文件（.xlsx 或 .csv）");
    if (isDryRun(req, form)) return previewUnitImport(actor, { data, fileName });
    return created(await commitUnitImport(actor, { data, fileName }));
  },
  { permission: "units.manage" },
);
