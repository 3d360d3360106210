import { apiRoute } from "@/lib/http/api";
import { fileResponse } from "@/lib/export";
import { downloadImportPasswords } from "@/lib/users/import";

// The initial passwords of an import, once (410 ALREADY_DOWNLOADED afterwards), audited. POST, not
// GET: the fetch erases them, and a link followed by a crawler or prefetch must not.
export const POST = apiRoute<{ id: string }>(
  async ({ actor, params }) => {
    const { file, fileName } = await downloadImportPasswords(actor, params.id);
    return fileResponse(new Uint8Array(file), fileName, "xlsx");
  },
  { permission: "users.manage" },
);
