// Spreadsheet cell addresses as people write them: `Parts!B7`, `'Package Info'!A1`.
import type { SheetPlace } from '../../model';

/** Column 1 → A, 26 → Z, 27 → AA, 16384 → XFD. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** 'B7' → { row: 7, column: 2 }; undefined for anything else (absolute `$B$7` included: sheets never store it). */
export function parseCellReference(reference: string): { row: number; column: number } | undefined {
  // A character scan rather than a regular expression: this runs once per cell of a workbook.
  let i = 0;
  let column = 0;
  for (let c = reference.charCodeAt(0); i < 3 && c >= 65 && c <= 90; c = reference.charCodeAt(++i)) column = column * 26 + (c - 64);
  const digitsStart = i;
  let row = 0;
  for (let c = reference.charCodeAt(i); i - digitsStart < 7 && c >= 48 && c <= 57; c = reference.charCodeAt(++i)) row = row * 10 + (c - 48);
  if (column === 0 || i === digitsStart || i !== reference.length || reference.charCodeAt(digitsStart) === 48) return undefined;
  return { row, column };
}

/** A sheet name as a formula would write it: quoted (with inner quotes doubled) unless it is a plain word. */
export function sheetReference(sheet: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) && parseCellReference(sheet.toUpperCase()) === undefined ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** `Parts!B7` for a cell, `Parts` for a whole sheet, `Parts!7:7` for a row. */
export function formatSheetPlace(place: SheetPlace): string {
  const sheet = sheetReference(place.sheet);
  if (place.row === undefined) return sheet;
  if (place.column === undefined) return `${sheet}!${place.row}:${place.row}`;
  return `${sheet}!${columnLetters(place.column)}${place.row}`;
}
