/** A CSV record by its header's column names, with its line for reports (1 = the first line after the header). */
export interface CsvRecord {
  row: number;
  values: Record<string, string>;
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
}

/**
 * Reads RFC 4180 CSV: comma-separated, fields optionally in double quotes (a quote inside doubled, line
 * breaks allowed inside), lines ended by CRLF or LF; a blank line is skipped. The first line is the header.
 * Throws a SyntaxError naming the line for an unclosed quote, text after a closing quote, a header naming a
 * column twice, or a line with more fields than the header.
 */
export function parseCsv(text: string): CsvTable {
  const lines = csvLines(text);
  const [header = [], ...rows] = lines;
  const names = header.map((name) => name.trim());
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate !== undefined) throw new SyntaxError(`the header names the column ${duplicate} twice`);
  const records = rows
    .map((fields, index) => ({ fields, row: index + 1 }))
    .filter(({ fields }) => !(fields.length === 1 && fields[0] === ''))
    .map(({ fields, row }) => {
      if (fields.length > names.length) throw new SyntaxError(`line ${row + 1} has ${fields.length} fields, the header ${names.length}`);
      return { row, values: Object.fromEntries(names.map((name, column) => [name, fields[column] ?? ''])) };
    });
  return { header: names, records };
}

function csvLines(text: string): string[][] {
  const lines: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let index = 0;
  const endField = () => {
    fields.push(field);
    field = '';
  };
  while (index < text.length) {
    const char = text[index];
    if (char === '"' && field === '') {
      const start = line;
      index += 1;
      for (;;) {
        if (index >= text.length) throw new SyntaxError(`line ${start}: a quoted field is not closed`);
        const inner = text[index];
        if (inner === '"' && text[index + 1] === '"') {
          field += '"';
          index += 2;
        } else if (inner === '"') {
          index += 1;
          break;
        } else {
          if (inner === '\n') line += 1;
          field += inner;
          index += 1;
        }
      }
      const after = text[index];
      if (after !== undefined && after !== ',' && after !== '\n' && after !== '\r') throw new SyntaxError(`line ${line}: text after a closing quote`);
      continue;
    }
    if (char === ',') {
      endField();
      index += 1;
    } else if (char === '\n' || char === '\r') {
      endField();
      lines.push(fields);
      fields = [];
      line += 1;
      index += char === '\r' && text[index + 1] === '\n' ? 2 : 1;
    } else {
      field += char;
      index += 1;
    }
  }
  if (field !== '' || fields.length > 0) {
    endField();
    lines.push(fields);
  }
  return lines;
}
