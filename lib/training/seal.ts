import "server-only";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

// The seal printed on certificates, inlined as a data: URI (the CSP allows data: images and the
// certificate needs no second request). CERT_SEAL_IMAGE names the bureau's own image; without it
// the shipped demo seal (marked 示例 / 仅供演示) is used.

const DEFAULT_SEAL = path.join(process.cwd(), "lib", "training", "assets", "demo-seal.svg");
const MAX_BYTES = 1024 * 1024;
const MIME: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".svg": "image/svg+xml",
};

let cached: { file: string; mtimeMs: number; uri: string | null } | null = null;

/** The data: URI of the seal, or null when the configured file cannot be read (logged once per change). */
export async function getSealDataUri(
  file = env.CERT_SEAL_IMAGE ? path.resolve(env.CERT_SEAL_IMAGE) : DEFAULT_SEAL,
): Promise<string | null> {
  try {
    const st = await stat(file);
    if (cached && cached.file === file && cached.mtimeMs === st.mtimeMs) return cached.uri;
    const mime = MIME[path.extname(file).toLowerCase()];
    if (!mime || st.size > MAX_BYTES) {
      logger.warn(`certificate seal image refused (type or size over 1 MiB): ${file}`);
      cached = { file, mtimeMs: st.mtimeMs, uri: null };
      return null;
    }
    const uri = `data:${mime};base64,${(await readFile(file)).toString("base64")}`;
    cached = { file, mtimeMs: st.mtimeMs, uri };
    return uri;
  } catch (e) {
    if (!cached || cached.file !== file) logger.warn(`certificate seal image unreadable: ${file}`, e);
    cached = { file, mtimeMs: -1, uri: null };
    return null;
  }
}
