import ExcelJS from "exceljs";
import JSZip from "jszip";
import { assertSafeXlsx } from "@/lib/uploads/xlsx";
import { parsePaySheet, PAY_FIELDS } from "@/lib/benefits/pay-import";
import { errorResponse } from "@/lib/http/api";

// A deflated run of zeros: ~64 KB on the wire, 64 MB + 1 inflated (the 0.2 MB bomb of issue 9 item 10).
async function zipBomb(inflated = 64 * 1024 * 1024 + 1): Promise<Buffer> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", "<Types/>");
  zip.file("xl/worksheets/sheet1.xml", Buffer.alloc(inflated, 0x20));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

/** The same bomb lying about its size: both headers claim 1,000 bytes. */
function lie(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i < out.length - 4; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50 && out.readUInt32LE(i + 22) > 1_000_000) out.writeUInt32LE(1000, i + 22);
    if (sig === 0x02014b50 && out.readUInt32LE(i + 24) > 1_000_000) out.writeUInt32LE(1000, i + 24);
  }
  return out;
}

async function paySheet(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("工资");
  ws.addRow([...PAY_FIELDS]);
  ws.addRow(["F00001", 3000, 0, 0, 0, 0, 0, 0, 3000]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("xlsx uploads are size-checked before parsing (issue 9 item 10)", () => {
  test("a zip bomb is refused with VALIDATION_FAILED (400) before exceljs inflates it", async () => {
    const bomb = await zipBomb();
    expect(bomb.length).toBeLessThan(300 * 1024);
    const rss = process.memoryUsage().rss;
    let err: unknown;
    try {
      await parsePaySheet(bomb, "bomb.xlsx");
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: "VALIDATION_FAILED", status: 400 });
    expect((err as { fields: Record<string, string> }).fields.file).toMatch(/压缩炸弹/);
    expect(process.memoryUsage().rss - rss).toBeLessThan(100 * 1024 * 1024);
    const res = errorResponse(err);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("VALIDATION_FAILED");
  });

  test("a bomb whose headers understate its size is caught while counting the inflated bytes", async () => {
    const liar = lie(await zipBomb());
    await expect(assertSafeXlsx(liar)).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });

  test("a small bomb under the total but far above the ratio is refused too; a real sheet passes and parses", async () => {
    await expect(assertSafeXlsx(await zipBomb(8 * 1024 * 1024))).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    const sheet = await paySheet();
    await expect(assertSafeXlsx(sheet)).resolves.toBeUndefined();
    expect(await parsePaySheet(sheet, "pay.xlsx")).toHaveLength(1);
    await expect(assertSafeXlsx(Buffer.from("not a zip"))).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });
});
