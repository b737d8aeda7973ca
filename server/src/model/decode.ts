/** Text decoded from a file's bytes, with what was wrong with the encoding, if anything. */
export interface DecodedText {
  text: string;
  /** `utf-8`, `utf-16le` or `utf-16be`, from the byte-order mark or the default. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  /** Offset in `text` of the first byte sequence that was not valid in that encoding. */
  invalidAt?: number;
}

/** Decodes file bytes as Kubernetes tooling does: UTF-8 unless a UTF-16 byte-order mark says otherwise. */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  let encoding: DecodedText['encoding'] = 'utf-8';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
  } catch {
    const text = new TextDecoder(encoding).decode(bytes);
    const at = text.indexOf('\ufffd');
    return { text, encoding, invalidAt: at === -1 ? 0 : at };
  }
}
