/**
 * Copies of a rendered report page, as users paste them, unfolded into one line per table row with tab-separated
 * cells (the layout the text parser reads column by column), so that numbers keep their columns and blank cells
 * stay blank instead of sliding:
 * - the innerText copy (`element.innerText`, some browsers' copy): every cell between blank lines, cells of a row
 *   separated by a line holding one tab, rows by three or more blank lines;
 * - the select-all copy: every cell on its own line with one blank line between cells, an empty cell as one more
 *   blank line (so "0, blank, 0" is `0\n\n\n0`).
 * Linear in the input; null when the text is neither.
 */

const CELL = '\n\n\t\n\n';
const NUMBER = /^\s*-?\d+(?:\.\d+)?\s*$/;

function innerText(text: string): string | null {
  let seps = 0;
  for (let i = text.indexOf(CELL); i >= 0 && seps < 20; i = text.indexOf(CELL, i + CELL.length)) seps++;
  if (seps < 20) return null;
  const out: string[] = [];
  let row: string[] = [];
  let blanks = 0;
  const flush = () => {
    if (!row.length) return;
    const joined = row.join('\n');
    const cells = joined.split(CELL);
    out.push(
      cells.length > 1
        ? cells
            .map((c) =>
              c
                .split('\n')
                .map((x) => x.trim())
                .join(''),
            )
            .join('\t')
        : joined.replace(/\n{2,}/g, '\n').trim(),
    );
    row = [];
  };
  for (const line of text.split('\n')) {
    if (line.trim() === '' && line !== '\t') {
      blanks++;
      row.push(line);
      continue;
    }
    if (blanks >= 3) {
      row.splice(row.length - blanks, blanks);
      flush();
    }
    blanks = 0;
    row.push(line);
  }
  flush();
  return out.filter((l) => l !== '').join('\n');
}

function selection(text: string): string | null {
  const lines = text.split('\n');
  let numbers = 0;
  let spaced = 0;
  for (let i = 0; i < lines.length; i++)
    if (NUMBER.test(lines[i]!)) {
      numbers++;
      if ((lines[i + 1] ?? '').trim() === '' && (lines[i - 1] ?? '').trim() === '') spaced++;
    }
  // most numbers stand alone between blank lines: a select-all copy of the page's tables
  if (numbers < 40 || spaced < numbers * 0.8) return null;
  const out: string[] = [];
  let label: string | null = null;
  let cells: string[] = [];
  let blanks = 0;
  const flush = (trailingBlanks: number) => {
    if (label === null && !cells.length) return;
    if (cells.length) for (let k = 1; k < trailingBlanks; k++) cells.push('');
    out.push(cells.length ? [label ?? '', ...cells].join('\t') : label!);
    label = null;
    cells = [];
  };
  for (const line of lines) {
    if (line.trim() === '') {
      blanks++;
      continue;
    }
    if (NUMBER.test(line) && (label !== null || cells.length)) {
      for (let k = 1; k < blanks; k++) cells.push('');
      cells.push(line.trim());
    } else {
      flush(blanks);
      label = line.trim();
    }
    blanks = 0;
  }
  flush(0);
  return out.join('\n');
}

/** `blanksDropped`: the copy loses empty cells (innerText), so a short row's blanks must be placed by arithmetic. */
export function unfoldBrowserCopy(
  input: string,
): { text: string; what: string; blanksDropped: boolean } | null {
  const text = input.indexOf('\r') >= 0 ? input.replace(/\r\n?/g, '\n') : input;
  const a = innerText(text);
  if (a !== null)
    return { text: a, what: '按浏览器逐格复制的文字（innerText，每个单元格一段）读取', blanksDropped: true };
  const b = selection(text);
  if (b !== null)
    return {
      text: b,
      what: '按浏览器全选复制的文字（每个单元格一行，空白单元格为多一个空行）读取',
      blanksDropped: false,
    };
  return null;
}
