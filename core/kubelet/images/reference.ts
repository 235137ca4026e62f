/**
 * Image references as containerd normalises them (docker/distribution's ParseNormalizedNamed):
 * `nginx` → `docker.io/library/nginx:latest`, `bitnami/redis:7` → `docker.io/bitnami/redis:7`,
 * `registry.k8s.io/pause:3.10` unchanged.
 */

/** A parsed image reference. */
export interface ImageReference {
  /** The repository, fully qualified (`docker.io/library/nginx`). */
  repository: string;
  /** The tag (`latest` when none was given and there is no digest). */
  tag: string;
  /** The digest (`sha256:...`), when the reference names one. */
  digest?: string;
  /** The fully qualified reference (`docker.io/library/nginx:1.27`). */
  qualified: string;
}

/** Parses an image reference; undefined when it is not a valid one (InvalidImageName). */
export function parseReference(image: string): ImageReference | undefined {
  if (!image || /\s/.test(image) || image !== image.trim()) return undefined;
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!/^sha256:[0-9a-f]{64}$/.test(digest)) return undefined;
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!/^[\w][\w.-]{0,127}$/.test(tag)) return undefined;
  }
  const parts = rest.split('/');
  const first = parts[0] ?? '';
  const hasDomain = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasDomain && !/^[a-zA-Z0-9.-]+(?::\d+)?$/.test(first)) return undefined;
  const path = hasDomain ? parts.slice(1) : parts;
  if (path.some((p) => !/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/.test(p))) return undefined;
  const repository = hasDomain ? rest : path.length === 1 ? `docker.io/library/${rest}` : `docker.io/${rest}`;
  const t = tag ?? (digest ? '' : 'latest');
  const qualified = `${repository}${t ? `:${t}` : ''}${digest ? `@${digest}` : ''}`;
  return { repository, tag: t, ...(digest ? { digest } : {}), qualified };
}

/** `nginx` → `docker.io/library/nginx:latest`, as containerd reports image names. */
export function qualifiedImage(image: string): string {
  return parseReference(image)?.qualified ?? image;
}
