/**
 * Reads the zip container of an .xlsx file from disk without loading it: the central directory
 * once, then one part at a time, inflated as a stream. Every byte inflated is counted against the
 * limits below, whatever the archive claims about its own sizes, so a "zip bomb" (a few kilobytes
 * that inflate to gigabytes) is refused after reading at most a limit's worth.
 */
import { promises as fs, createReadStream } from "fs";
import { StringDecoder } from "string_decoder";
import { createInflateRaw } from "zlib";
import { Readable, Transform } from "stream";

/**
 * What the checker will inflate. Real workbooks stay far below both: a 1,000,000-row sheet is a few
 * hundred MB of XML, and sheet XML compresses about 5-30 to 1.
 */
export const ZIP_LIMITS = {
  /** All parts read from one file together, in bytes (1 GiB). */
  maxInflatedBytes: 1024 * 1024 * 1024,
  /** Inflated bytes per compressed byte, for parts larger than `ratioGraceBytes`. */
  maxRatio: 200,
  ratioGraceBytes: 1024 * 1024,
};
export type ZipLimits = typeof ZIP_LIMITS;

/** The archive cannot be read as a zip: truncated, damaged or not a zip. */
export class ZipDamagedError extends Error {}
/** The archive would inflate beyond ZIP_LIMITS. */
export class ZipTooLargeError extends Error {}

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_COMMENT = 0xffff;

function mb(bytes: number): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), "MB"] : [bytes / 1024, "KB"];
  return `${Math.round(value).toLocaleString("en-GB")} ${unit}`;
}

export class ZipArchive {
  private inflated = 0;
  private readonly byName = new Map<string, ZipEntry>();

  private constructor(
    private readonly path: string,
    private readonly handle: fs.FileHandle,
    private readonly size: number,
    readonly entries: ZipEntry[],
    private readonly limits: ZipLimits
  ) {
    // Part names are case-insensitive in Office Open XML.
    for (const e of entries) this.byName.set(e.name.toLowerCase(), e);
  }

  static async open(path: string, limits: ZipLimits = ZIP_LIMITS): Promise<ZipArchive> {
    const handle = await fs.open(path, "r");
    try {
      const { size } = await handle.stat();
      const entries = await readCentralDirectory(handle, size);
      for (const e of entries) {
        if (e.uncompressedSize > limits.maxInflatedBytes) {
          throw new ZipTooLargeError(
            `${e.name} would inflate to ${mb(e.uncompressedSize)}, over the ${mb(limits.maxInflatedBytes)} limit`
          );
        }
      }
      return new ZipArchive(path, handle, size, entries, limits);
    } catch (e) {
      await handle.close();
      throw e;
    }
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/^\//, "").toLowerCase());
  }

  async close(): Promise<void> {
    await this.handle.close();
  }

  /** Streams one part as UTF-8 text to `onText`, chunk by chunk, counting it against the limits. */
  async readText(entry: ZipEntry, onText: (text: string) => void): Promise<void> {
    if (entry.encrypted) throw new ZipDamagedError(`${entry.name} is encrypted`);
    if (entry.method !== 0 && entry.method !== 8) {
      throw new ZipDamagedError(`${entry.name} uses an unsupported compression method`);
    }
    const header = Buffer.alloc(30);
    const { bytesRead } = await this.handle.read(header, 0, 30, entry.localHeaderOffset);
    if (bytesRead < 30 || header.readUInt32LE(0) !== LOCAL_SIGNATURE) {
      throw new ZipDamagedError(`${entry.name} cannot be found in the archive`);
    }
    const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (start + entry.compressedSize > this.size) {
      throw new ZipDamagedError(`${entry.name} runs past the end of the file`);
    }
    if (entry.compressedSize === 0) return;

    const limits = this.limits;
    const decoder = new StringDecoder("utf8");
    let partBytes = 0;
    let first = true;
    const counter = new Transform({
      transform: (chunk: Buffer, _enc, done) => {
        partBytes += chunk.length;
        this.inflated += chunk.length;
        if (this.inflated > limits.maxInflatedBytes) {
          done(
            new ZipTooLargeError(
              `it inflates to more than ${mb(limits.maxInflatedBytes)}, the limit for one workbook`
            )
          );
          return;
        }
        if (
          partBytes > limits.ratioGraceBytes &&
          partBytes > entry.compressedSize * limits.maxRatio
        ) {
          done(
            new ZipTooLargeError(
              `${entry.name} inflates more than ${limits.maxRatio} times its stored size, which real workbooks do not`
            )
          );
          return;
        }
        try {
          let text = decoder.write(chunk);
          if (first && text.length) {
            if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
            first = false;
          }
          if (text) onText(text);
          done();
        } catch (e) {
          done(e as Error);
        }
      },
    });
    const raw: Readable = createReadStream(this.path, {
      start,
      end: start + entry.compressedSize - 1,
      highWaterMark: 1024 * 1024,
    });
    const inflater = entry.method === 8 ? createInflateRaw({ chunkSize: 256 * 1024 }) : undefined;
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const fail = (e: Error) => {
        if (settled) return;
        settled = true;
        raw.destroy();
        inflater?.destroy();
        counter.destroy();
        reject(
          e instanceof ZipTooLargeError || !(e as NodeJS.ErrnoException).code?.startsWith("Z_")
            ? e
            : new ZipDamagedError(`${entry.name} cannot be inflated (${e.message})`)
        );
      };
      raw.on("error", fail);
      inflater?.on("error", fail);
      counter.on("error", fail);
      counter.on("finish", () => {
        if (settled) return;
        try {
          const rest = decoder.end();
          if (rest) onText(rest);
        } catch (e) {
          fail(e as Error);
          return;
        }
        settled = true;
        resolve();
      });
      if (inflater) raw.pipe(inflater).pipe(counter);
      else raw.pipe(counter);
    });
  }

  /** A small part read whole (workbook.xml, relationships, styles). */
  async readWhole(entry: ZipEntry): Promise<string> {
    const parts: string[] = [];
    await this.readText(entry, (t) => parts.push(t));
    return parts.join("");
  }
}

async function readCentralDirectory(handle: fs.FileHandle, size: number): Promise<ZipEntry[]> {
  const tailLength = Math.min(size, 22 + MAX_COMMENT);
  const tail = Buffer.alloc(tailLength);
  await handle.read(tail, 0, tailLength, size - tailLength);
  let eocd = -1;
  for (let i = tailLength - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipDamagedError("the zip directory at the end of the file is missing");
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    throw new ZipTooLargeError("it is a ZIP64 archive (over 4 GB or 65,535 parts)");
  }
  if (cdOffset + cdSize > size) {
    throw new ZipDamagedError("the zip directory points past the end of the file");
  }
  const cd = Buffer.alloc(cdSize);
  await handle.read(cd, 0, cdSize, cdOffset);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cdSize || cd.readUInt32LE(p) !== CENTRAL_SIGNATURE) {
      throw new ZipDamagedError("the zip directory is damaged");
    }
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    if (p + 46 + nameLength > cdSize) throw new ZipDamagedError("the zip directory is damaged");
    entries.push({
      name: cd.toString("utf8", p + 46, p + 46 + nameLength),
      method: cd.readUInt16LE(p + 10),
      encrypted: (cd.readUInt16LE(p + 8) & 1) === 1,
      compressedSize: cd.readUInt32LE(p + 20),
      uncompressedSize: cd.readUInt32LE(p + 24),
      localHeaderOffset: cd.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
