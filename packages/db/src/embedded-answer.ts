/** Turns a column's text into its value, by the column's type (PGlite's own parsers: json, dates, arrays…). */
export type ColumnParsers = Record<number, ((text: string, typeId: number) => unknown) | undefined>;

export interface Answer {
  rows: Record<string, unknown>[];
  /** Rows an INSERT, UPDATE, DELETE, COPY or MERGE touched; 0 for others (as PGlite's own reading gives). */
  affectedRows: number;
}

// Backend message types (https://www.postgresql.org/docs/current/protocol-message-formats.html).
const ROW_DESCRIPTION = 0x54; // T
const DATA_ROW = 0x44; // D
const COMMAND_COMPLETE = 0x43; // C
/** What an exchange that went well carries besides the above, none of it needed to read the rows. */
const NOTHING_TO_READ = new Set([
  0x31, // 1 ParseComplete
  0x32, // 2 BindComplete
  0x33, // 3 CloseComplete
  0x6e, // n NoData
  0x73, // s PortalSuspended
  0x49, // I EmptyQueryResponse
  0x74, // t ParameterDescription
  0x5a, // Z ReadyForQuery
]);
const COUNTED = new Set(['INSERT', 'UPDATE', 'DELETE', 'COPY', 'MERGE']);

interface Column {
  name: string;
  typeId: number;
  parse: ((text: string, typeId: number) => unknown) | undefined;
}

/**
 * The rows of one exchange (Bind … Sync) read straight from PGlite's answer. PGlite reads every answer into
 * a message object and each row again into another, field by field through copies of the bytes; on the
 * reader's article page that was a third of the query's time. Returns undefined when the answer holds
 * anything else (an error, a notice, a notification, a parameter status), which the caller then reads
 * PGlite's way.
 */
export function readAnswer(data: Buffer, parsers: ColumnParsers): Answer | undefined {
  let columns: Column[] = [];
  const rows: Record<string, unknown>[] = [];
  let affectedRows = 0;
  let offset = 0;
  while (offset < data.length) {
    const type = data[offset]!;
    // The length counts itself, not the type byte.
    const end = offset + 1 + data.readInt32BE(offset + 1);
    let at = offset + 5;
    if (type === DATA_ROW) {
      const count = data.readInt16BE(at);
      at += 2;
      const row: Record<string, unknown> = {};
      for (let i = 0; i < count; i++) {
        const length = data.readInt32BE(at);
        at += 4;
        const column = columns[i]!;
        if (length < 0) {
          row[column.name] = null;
          continue;
        }
        const text = data.toString('utf8', at, at + length);
        at += length;
        row[column.name] = column.parse ? column.parse(text, column.typeId) : text;
      }
      rows.push(row);
    } else if (type === ROW_DESCRIPTION) {
      const count = data.readInt16BE(at);
      at += 2;
      columns = [];
      for (let i = 0; i < count; i++) {
        const nameEnd = data.indexOf(0, at);
        const name = data.toString('utf8', at, nameEnd);
        // After the name: table oid (4), column number (2), type oid (4), size (2), modifier (4), format (2).
        const typeId = data.readInt32BE(nameEnd + 7);
        at = nameEnd + 19;
        columns.push({ name, typeId, parse: parsers[typeId] });
      }
    } else if (type === COMMAND_COMPLETE) {
      // "SELECT 2", "UPDATE 3", "INSERT 0 5": a count, where there is one, is the last word.
      const words = data.toString('utf8', at, end - 1).split(' ');
      if (COUNTED.has(words[0]!)) affectedRows += Number(words[words.length - 1]);
    } else if (!NOTHING_TO_READ.has(type)) {
      return undefined;
    }
    offset = end;
  }
  return { rows, affectedRows };
}
