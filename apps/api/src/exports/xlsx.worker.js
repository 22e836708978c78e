// The XLSX writer thread (plain CommonJS, so that it runs as is from the sources
// in tests and from dist/apps/api where webpack copies it). exceljs's streaming
// writer compresses synchronously in bursts of hundreds of milliseconds: here it
// cannot stall the server's event loop. The main thread (xlsx-stream.ts) sends
// sheets and rows of plain values; this thread writes them and sends the file's
// bytes back as they are produced.
//
// Messages in:  {type:'sheet', sheet}  {type:'rows', rows}  {type:'finish'}
// Messages out: {type:'chunk', data}   {type:'ack'}         {type:'done'}  {type:'error', message}
'use strict';
const { parentPort } = require('node:worker_threads');
const { Writable } = require('node:stream');
const ExcelJS = require('exceljs');

const output = new Writable({
  write(chunk, _encoding, callback) {
    // Copy into a buffer of our own and transfer it: no copy on the way out.
    const copy = new Uint8Array(chunk.length);
    copy.set(chunk);
    parentPort.postMessage({ type: 'chunk', data: copy }, [copy.buffer]);
    callback();
  },
});

const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
workbook.creator = 'Pointage';
workbook.created = new Date();

let sheet = null;
let spec = null;

/**
 * Only plain values reach a cell: a string stays a string (a name beginning
 * with "=" is text, never a formula), numbers and dates keep their type.
 * Anything else (an object that could be read as a formula or a hyperlink) is
 * written as its text.
 */
function plain(value) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  return String(value);
}

const KIND_STYLES = {
  title: { font: { bold: true, size: 14 } },
  subtitle: { font: { italic: true, color: { argb: 'FF444444' } } },
  section: { font: { bold: true, size: 12 }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } } },
  header: { font: { bold: true }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } } },
  total: { font: { bold: true } },
};

function openSheet(s) {
  if (sheet) sheet.commit();
  spec = s;
  const headerRow = s.headerRow || 0;
  sheet = workbook.addWorksheet(s.name, {
    views: headerRow ? [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }] : [],
    pageSetup: {
      paperSize: 9, // A4
      orientation: s.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: headerRow ? `${headerRow}:${headerRow}` : undefined,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: s.footer ? `&L${s.footer.replace(/&/g, '&&')}&RPage &P / &N` : '&RPage &P / &N' },
  });
  sheet.columns = s.columns.map((c) => ({ key: c.key, width: c.width }));
  if (headerRow && s.autoFilter) {
    sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: s.columns.length } };
  }
}

/**
 * One style object per (format, row kind), shared by every cell that uses it:
 * exceljs recognises a style object it has seen (a WeakMap) instead of
 * serialising each cell's style again — the difference between seconds and
 * tens of seconds on 100,000 rows. Cells without a format or a kind get none.
 */
const sharedStyles = new Map();
function styleFor(numFmt, kind) {
  const key = `${numFmt || ''}|${kind || ''}`;
  let style = sharedStyles.get(key);
  if (!style) {
    const k = kind ? KIND_STYLES[kind] : null;
    style = { ...(numFmt ? { numFmt } : {}), ...(k && k.font ? { font: k.font } : {}), ...(k && k.fill ? { fill: k.fill } : {}) };
    sharedStyles.set(key, style);
  }
  return style;
}

function addRow(r) {
  const row = sheet.addRow(r.values.map((v) => plain(v && typeof v === 'object' && !(v instanceof Date) && 'value' in v ? v.value : v)));
  r.values.forEach((v, i) => {
    const cell = row.getCell(i + 1);
    const column = spec.columns[i];
    const typed = typeof cell.value === 'number' || cell.value instanceof Date;
    const fmt = !typed ? null : v && typeof v === 'object' && !(v instanceof Date) && 'numFmt' in v ? v.numFmt : column && column.numFmt;
    // Every cell, even a plain one, gets a shared object: exceljs gives each cell a style object of
    // its own otherwise, and serialises each to find it is the default.
    cell.style = styleFor(fmt, r.kind);
  });
  row.style = styleFor(null, null);
  row.commit();
}

parentPort.on('message', async (msg) => {
  try {
    if (msg.type === 'sheet') {
      openSheet(msg.sheet);
    } else if (msg.type === 'rows') {
      for (const r of msg.rows) addRow(r);
      parentPort.postMessage({ type: 'ack' });
    } else if (msg.type === 'finish') {
      if (sheet) sheet.commit();
      await workbook.commit();
      parentPort.postMessage({ type: 'done' });
    }
  } catch (e) {
    parentPort.postMessage({ type: 'error', message: e && e.message ? e.message : String(e) });
  }
});
