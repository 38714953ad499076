/**
 * The blank 政府信息公开申请表 an organ offers for download (条例第十二条: the 指南 names how to apply; 条例第二十九条:
 * what an application contains), for letter, in-person and fax applications: the applicant's details (a person's
 * 身份证明 of any kind, an organisation's 统一社会信用代码 or other registration number), the information sought,
 * the form and the way of getting it, and where to send it. A DOCX (A4, 仿宋) a clerk may also print blank.
 */
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Organ } from '../../core/entities.js';

const FS = '仿宋_GB2312';
const HEI = '黑体';
/** The printable width of the page in twentieths of a point (A4 less 28 mm and 26 mm margins). */
const WIDTH = 11906 - 1587 - 1474;

const text = (t: string, size = 24, font = FS) => new TextRun({ text: t, size, font });
const para = (t: string, o: { size?: number; font?: string; center?: boolean } = {}) =>
  new Paragraph({
    alignment: o.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { line: 360 },
    children: [text(t, o.size ?? 24, o.font ?? FS)],
  });

/** A cell: its text (lines), its width in columns of 8, how many rows it spans down. */
function cell(
  lines: string | string[],
  cols: number,
  o: { rows?: number; head?: boolean; tall?: number } = {},
) {
  const ls = Array.isArray(lines) ? lines : [lines];
  return new TableCell({
    width: { size: Math.round((WIDTH * cols) / 8), type: WidthType.DXA },
    columnSpan: cols,
    ...(o.rows ? { rowSpan: o.rows } : {}),
    verticalAlign: VerticalAlign.CENTER,
    children: [
      ...ls.map((l) => para(l, o.head ? { font: HEI, center: true } : {})),
      ...Array.from({ length: o.tall ?? 0 }, () => para('')),
    ],
  });
}

const row = (...cells: TableCell[]) => new TableRow({ children: cells, cantSplit: true });
const BOX = '□';

export async function renderApplicationFormDocx(organ: Organ): Promise<Uint8Array> {
  const contact = [
    `受理机构：${organ.officeName}`,
    `地址：${organ.address}（邮编${organ.postcode}）`,
    `电话：${organ.phone}${organ.fax ? `；传真：${organ.fax}` : ''}；电子邮箱：${organ.email}`,
    `办公时间：${organ.hours}`,
  ];
  const table = new Table({
    width: { size: WIDTH, type: WidthType.DXA },
    columnWidths: Array.from({ length: 8 }, () => Math.round(WIDTH / 8)),
    rows: [
      row(
        cell(['申请人', '信息'], 1, { rows: 9, head: true }),
        cell(['公民'], 1, { rows: 4, head: true }),
        cell('姓名', 2),
        cell('', 4),
      ),
      row(
        cell('身份证明种类', 2),
        cell(
          `${BOX}居民身份证 ${BOX}护照 ${BOX}港澳居民来往内地通行证 ${BOX}台湾居民来往大陆通行证 ${BOX}外国人永久居留身份证 ${BOX}其他：`,
          4,
        ),
      ),
      row(cell('证件号码', 2), cell('', 4)),
      row(cell('工作单位（选填）', 2), cell('', 4)),
      row(cell(['法人或者', '其他组织'], 1, { rows: 4, head: true }), cell('名称', 2), cell('', 4)),
      row(cell('证件种类及号码', 2), cell(`${BOX}统一社会信用代码 ${BOX}其他登记证号：`, 4)),
      row(cell('法定代表人或负责人', 2), cell('', 4)),
      row(cell('联系人', 2), cell('', 4)),
      row(cell('联系方式', 1, { head: true }), cell(['联系电话：', '电子邮箱：', '通信地址及邮编：'], 6)),
      row(
        cell(['所需信息', '情况'], 1, { rows: 3, head: true }),
        cell(['所需政府信息的名称、文号或者便于查询的其他特征性描述'], 2),
        cell('', 5, { tall: 4 }),
      ),
      row(cell('获取信息的形式', 2), cell(`${BOX}纸质 ${BOX}电子数据 ${BOX}查阅 ${BOX}其他：`, 5)),
      row(
        cell('获取信息的方式', 2),
        cell(`${BOX}邮寄 ${BOX}电子邮件 ${BOX}网上获取 ${BOX}当面领取 ${BOX}传真 ${BOX}其他：`, 5),
      ),
      row(cell('申请人签名或者盖章', 2, { head: true }), cell('', 3), cell('申请日期', 1), cell('', 2)),
    ],
  });
  const doc = new Document({
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1440, bottom: 1440, left: 1587, right: 1474 },
          },
        },
        children: [
          para(`${organ.name}`, { size: 36, font: HEI, center: true }),
          para('政府信息公开申请表', { size: 36, font: HEI, center: true }),
          para(''),
          table,
          para(''),
          para(
            '说明：1. 申请人应当如实填写以上内容，并附身份证明复印件（法人或者其他组织附营业执照或者其他登记证书复印件）；委托他人代为申请的，附授权委托书（条例第二十九条）。',
            { size: 21 },
          ),
          para(
            '2. 所需信息的描述应尽量写明信息名称、文号、形成时间等。内容不明确的，本机关将一次性告知补正（条例第三十条）。',
            { size: 21 },
          ),
          para(
            `3. 本机关自收到申请之日起20个工作日内答复（条例第三十三条）；收到申请之日依条例第三十一条确定。${organ.fax ? '可当面、邮寄或传真提交。' : '可当面或邮寄提交。'}`,
            { size: 21 },
          ),
          ...contact.map((c) => para(c, { size: 21 })),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
