/** What an image reference pins: a digest, a tag, or nothing. */
export interface ImageRef {
  tag: string | undefined;
  digest: boolean;
}

/** Splits an image reference (`registry:port/path/name:tag@sha256:…`); undefined for templated or empty references. */
export function parseImage(image: string): ImageRef | undefined {
  const ref = image.trim();
  if (!ref || /[${}<>\s]/.test(ref)) return undefined;
  const at = ref.indexOf('@');
  const name = at === -1 ? ref : ref.slice(0, at);
  const last = name.slice(name.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  return { tag: colon === -1 ? undefined : last.slice(colon + 1), digest: at !== -1 };
}

/** True when the reference floats: no digest and no tag or the `latest` tag. */
export function floats(ref: ImageRef): boolean {
  return !ref.digest && (ref.tag === undefined || ref.tag === 'latest');
}
