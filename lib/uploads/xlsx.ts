import "server-only";
import ExcelJS from "exceljs";
import yauzl from "yauzl";
import { validationFailed } from "@/lib/errors";

// Every .xlsx upload goes through here before a parser sees it (issue 9 item 10): an .xlsx is a
// zip, and a 0.2 MB zip bomb took the server to 937 MB inside exceljs. The zip's central directory
// is read first (yauzl, no inflating) and refused when it declares too much; then every entry is
// inflated into a counter with yauzl's size validation, so an entry that lies about its size fails
// too. Only then does exceljs inflate it again, within known bounds.

export const XLSX_LIMITS = {
  /** total decompressed bytes of all entries; a 20,000-row pay sheet is about 6 MB */
  maxTotalBytes: 64 * 1024 * 1024,
  maxEntries: 2_000,
  /** decompressed / compressed per entry; sheets compress 5–20×, bombs 1000× and more */
  maxRatio: 200,
};

const REFUSED = "该 Excel 文件解压后过大或结构异常，已拒绝（疑似压缩炸弹）";
const UNREADABLE = "无法读取该 Excel 文件";

function openZip(data: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(data, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) =>
      err || !zip ? reject(err ?? new Error("no zip")) : resolve(zip),
    ),
  );
}

/** Throws VALIDATION_FAILED (file) unless `data` is a zip whose contents stay within the limits. */
export async function assertSafeXlsx(data: Buffer, limits = XLSX_LIMITS): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(data);
  } catch {
    throw validationFailed({ file: UNREADABLE });
  }
  let closed = false;
  const close = () => {
    if (!closed) zip.close();
    closed = true;
  };
  const refuse = (message: string) => {
    close();
    return validationFailed({ file: message });
  };
  if (zip.entryCount > limits.maxEntries) throw refuse(REFUSED);
  const entries: yauzl.Entry[] = [];
  let declared = 0;
  // Pass 1: the central directory only.
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (e: yauzl.Entry) => {
      entries.push(e);
      declared += e.uncompressedSize;
      const ratio = e.compressedSize ? e.uncompressedSize / e.compressedSize : e.uncompressedSize ? Infinity : 0;
      if (declared > limits.maxTotalBytes || (e.uncompressedSize > 1024 * 1024 && ratio > limits.maxRatio)) reject(refuse(REFUSED));
      else zip.readEntry();
    });
    zip.on("end", () => resolve());
    zip.on("error", () => reject(refuse(UNREADABLE)));
    zip.readEntry();
  });
  // Pass 2: inflate each entry into a counter; yauzl fails an entry whose real size differs from the declared one.
  let actual = 0;
  for (const e of entries) {
    if (e.fileName.endsWith("/")) continue;
    await new Promise<void>((resolve, reject) => {
      zip.openReadStream(e, (err, stream) => {
        if (err || !stream) return reject(refuse(UNREADABLE));
        stream.on("data", (chunk: Buffer) => {
          actual += chunk.length;
          if (actual > limits.maxTotalBytes) {
            stream.destroy();
            reject(refuse(REFUSED));
          }
        });
        stream.on("error", () => reject(refuse(REFUSED)));
        stream.on("end", () => resolve());
      });
    });
  }
  close();
}

/** The one way to open an uploaded .xlsx: size-checked, then parsed by exceljs. */
export async function loadXlsx(data: Buffer): Promise<ExcelJS.Workbook> {
  await assertSafeXlsx(data);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw validationFailed({ file: UNREADABLE });
  }
  return wb;
}
