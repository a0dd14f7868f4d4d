/**
 * A small streaming XML scanner for the parts of an .xlsx file: text is fed in chunks as it is
 * inflated, and elements are reported as they close, so a sheet of any size is read in memory
 * proportional to one tag. It reads what Office Open XML parts contain (elements, attributes, text,
 * CDATA, comments, processing instructions); a DOCTYPE is skipped and its entities never expanded,
 * so an "XML bomb" costs nothing. Namespace prefixes are dropped from element names ("x:row" is
 * "row"), because producers differ in whether they use one.
 */

export interface XmlHandler {
  open(name: string, attrs: XmlAttributes, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

export type XmlAttributes = Record<string, string>;

const NO_ATTRIBUTES: XmlAttributes = Object.freeze({}) as XmlAttributes;

export class XmlFormatError extends Error {}

/** A start tag longer than this is not something Office writes: the part is damaged. */
const MAX_TAG_LENGTH = 1 << 20;

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (whole, name: string) => {
    if (name.charCodeAt(0) !== 35) return NAMED[name];
    const code = name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(":");
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}

/** name="value" pairs of a start tag's body, from `from` to `to` (a plain loop: this runs per cell). */
function parseAttributes(source: string, from: number, to: number): XmlAttributes {
  const attrs: XmlAttributes = {};
  let i = from;
  while (i < to) {
    while (i < to && isSpace(source.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < to) {
      const ch = source.charCodeAt(i);
      if (ch === 61 || isSpace(ch)) break;
      i++;
    }
    const name = source.slice(nameStart, i);
    while (i < to && isSpace(source.charCodeAt(i))) i++;
    if (source.charCodeAt(i) !== 61) break; // "=": anything else ends the attributes
    i++;
    while (i < to && isSpace(source.charCodeAt(i))) i++;
    const quote = source.charCodeAt(i);
    if (quote !== 34 && quote !== 39) break;
    const close = source.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (close < 0 || close > to) break;
    if (name) attrs[name] = decodeEntities(source.slice(i + 1, close));
    i = close + 1;
  }
  return attrs;
}

/** Where a start tag that begins at `from` ends (its ">"), skipping ">" inside quoted values; -1 if not yet in `text`. */
function startTagEnd(text: string, from: number): number {
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (quote) {
      if (ch === quote) quote = 0;
    } else if (ch === 34 || ch === 39) quote = ch;
    else if (ch === 62) return i;
  }
  return -1;
}

export class XmlScanner {
  private pending = "";
  private finished = false;

  constructor(private readonly handler: XmlHandler) {}

  /** Stops reading: the rest of the input is ignored (used once a part has given what is needed). */
  stop(): void {
    this.finished = true;
    this.pending = "";
  }

  write(chunk: string): void {
    if (this.finished) return;
    const text = this.pending ? this.pending + chunk : chunk;
    this.pending = "";
    let pos = 0;
    const n = text.length;
    while (pos < n && !this.finished) {
      const lt = text.indexOf("<", pos);
      if (lt < 0) {
        // Text up to the end; keep a possibly split entity ("&am") for the next chunk.
        const amp = text.lastIndexOf("&");
        const cut = amp >= pos && text.indexOf(";", amp) < 0 ? amp : n;
        if (cut > pos) this.handler.text(decodeEntities(text.slice(pos, cut)));
        this.pending = text.slice(cut);
        return;
      }
      if (lt > pos) this.handler.text(decodeEntities(text.slice(pos, lt)));
      pos = lt;
      const next = text.charCodeAt(lt + 1);
      let end: number;
      if (next === 47) {
        // </name>
        end = text.indexOf(">", lt);
        if (end < 0) break;
        this.handler.close(localName(text.slice(lt + 2, end).trim()));
        pos = end + 1;
      } else if (next === 63) {
        // <?xml ... ?>
        end = text.indexOf("?>", lt);
        if (end < 0) break;
        pos = end + 2;
      } else if (next === 33) {
        if (text.startsWith("<!--", lt)) {
          end = text.indexOf("-->", lt + 4);
          if (end < 0) break;
          pos = end + 3;
        } else if (text.startsWith("<![CDATA[", lt)) {
          end = text.indexOf("]]>", lt + 9);
          if (end < 0) break;
          this.handler.text(text.slice(lt + 9, end));
          pos = end + 3;
        } else if (lt + 9 > n) {
          break; // not enough text yet to tell which declaration this is
        } else {
          // <!DOCTYPE ...> possibly with an internal subset [...]: skipped, never expanded.
          const bracket = text.indexOf("[", lt);
          const close = text.indexOf(">", lt);
          if (close < 0) break;
          if (bracket >= 0 && bracket < close) {
            end = text.indexOf("]>", bracket);
            if (end < 0) break;
            pos = end + 2;
          } else pos = close + 1;
        }
      } else {
        end = startTagEnd(text, lt + 1);
        if (end < 0) break;
        const selfClosing = text.charCodeAt(end - 1) === 47;
        const bodyEnd = selfClosing ? end - 1 : end;
        let nameEnd = lt + 1;
        while (nameEnd < bodyEnd && !isSpace(text.charCodeAt(nameEnd))) nameEnd++;
        const name = localName(text.slice(lt + 1, nameEnd));
        const attrs = nameEnd < bodyEnd ? parseAttributes(text, nameEnd, bodyEnd) : NO_ATTRIBUTES;
        this.handler.open(name, attrs, selfClosing);
        if (selfClosing) this.handler.close(name);
        pos = end + 1;
      }
    }
    if (this.finished) return;
    this.pending = text.slice(pos);
    if (this.pending.length > MAX_TAG_LENGTH) {
      throw new XmlFormatError("a tag or comment never ends");
    }
  }

  end(): void {
    if (this.finished) return;
    if (this.pending.trim() !== "")
      throw new XmlFormatError("the part ends in the middle of a tag");
    this.finished = true;
  }
}
