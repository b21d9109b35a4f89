/**
 * The zip container itself, written from entries whose data is already
 * compressed, so the deflating can happen anywhere (another thread) first.
 * The layout is byte for byte the one fflate's `zipSync` writes (version 2.0,
 * no extra fields, no data descriptors, DOS times from local getters), so
 * books keep the same bytes whichever way they were compressed.
 */
import { crc32 } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** The file's bytes as they are. */
  data: Uint8Array;
  /** Raw deflate of `data`; absent for a stored entry. */
  deflated?: Uint8Array;
  mtime: Date;
}

const LOCAL = 30;
const CENTRAL = 46;
const END = 22;

function dosTime(d: Date): number {
  const y = d.getFullYear() - 1980;
  if (y < 0 || y > 119) throw new RangeError(`a zip cannot hold the date ${d.toISOString()}`);
  return ((y << 25) | ((d.getMonth() + 1) << 21) | (d.getDate() << 16) | (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1)) >>> 0;
}

export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = entries.map((e) => encoder.encode(e.name));
  const bodies = entries.map((e) => e.deflated ?? e.data);
  let localSize = 0;
  let centralSize = 0;
  entries.forEach((_, i) => {
    const n = names[i]?.length ?? 0;
    localSize += LOCAL + n + (bodies[i]?.length ?? 0);
    centralSize += CENTRAL + n;
  });
  const out = new Uint8Array(localSize + centralSize + END);
  const view = new DataView(out.buffer);
  let at = 0;
  let central = localSize;
  entries.forEach((e, i) => {
    const name = names[i] as Uint8Array;
    const body = bodies[i] as Uint8Array;
    // Non-ASCII names need the UTF-8 flag (bit 11).
    const utf8 = name.length !== e.name.length ? 0x800 : 0;
    const fields = { method: e.deflated ? 8 : 0, time: dosTime(e.mtime), crc: crc32(e.data), size: body.length, raw: e.data.length };
    const offset = at;
    view.setUint32(at, 0x04034b50, true);
    header(view, at + 4, utf8, fields, name.length);
    out.set(name, at + LOCAL);
    out.set(body, at + LOCAL + name.length);
    at += LOCAL + name.length + body.length;
    view.setUint32(central, 0x02014b50, true);
    view.setUint16(central + 4, 20, true); // made by: version 2.0
    header(view, central + 6, utf8, fields, name.length);
    view.setUint32(central + 42, offset, true);
    out.set(name, central + CENTRAL);
    central += CENTRAL + name.length;
  });
  view.setUint32(central, 0x06054b50, true);
  view.setUint16(central + 8, entries.length, true);
  view.setUint16(central + 10, entries.length, true);
  view.setUint32(central + 12, centralSize, true);
  view.setUint32(central + 16, localSize, true);
  return out;
}

interface Fields {
  method: number;
  time: number;
  crc: number;
  size: number;
  raw: number;
}

/** The fields local and central headers share, from "version needed" to the name length. */
function header(view: DataView, at: number, flags: number, f: Fields, nameLength: number): void {
  view.setUint16(at, 20, true); // version needed: 2.0
  view.setUint16(at + 2, flags, true);
  view.setUint16(at + 4, f.method, true);
  view.setUint32(at + 6, f.time, true);
  view.setUint32(at + 10, f.crc, true);
  view.setUint32(at + 14, f.size, true);
  view.setUint32(at + 18, f.raw, true);
  view.setUint16(at + 22, nameLength, true);
}
