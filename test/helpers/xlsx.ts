/** Reads an .xlsx back with exceljs: each sheet's rows as { column letter: value } (blank cells absent). */
import ExcelJS from 'exceljs';

export async function readSheets(
  bytes: Uint8Array,
): Promise<{ name: string; rows: Record<string, unknown>[] }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  return wb.worksheets.map((ws) => {
    const rows: Record<string, unknown>[] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      const o: Record<string, unknown> = {};
      row.eachCell({ includeEmpty: false }, (cell) => {
        o[cell.address.replace(/\d+$/, '')] = cell.value;
      });
      rows.push(o);
    });
    return { name: ws.name, rows };
  });
}

/** Every text in every sheet, as one string (to look for what must not be there). */
export async function allText(bytes: Uint8Array): Promise<string> {
  return (await readSheets(bytes))
    .flatMap((s) => s.rows.flatMap((r) => Object.values(r).map(String)))
    .join('\n');
}
