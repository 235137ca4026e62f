/**
 * The image catalogue: every image a simulated node can pull, with its tags and sizes, and
 * how a pull fails for anything else — with containerd 1.7's message, as the kubelet shows it.
 */
import { parseReference, type ImageReference } from './reference';
import { ALPINE, BUSYBOX, DEBIAN, UBUNTU } from './shells';
import { MYSQL, POSTGRES, REDIS } from './data';
import { CONTROL_PLANE_IMAGES, COREDNS, ETCD, KIND_IMAGES, PAUSE } from './system';
import { CURL, POLINUX_STRESS, PROGRIUM_STRESS } from './tools';
import type { ImageDef } from './types';
import { HPA_EXAMPLE, HTTPD, NGINX } from './web';

/** Every image of the catalogue. */
export const IMAGES: ImageDef[] = [NGINX, HTTPD, HPA_EXAMPLE, BUSYBOX, ALPINE, UBUNTU, DEBIAN, REDIS, MYSQL, POSTGRES, PAUSE, ETCD, ...CONTROL_PLANE_IMAGES, COREDNS, ...KIND_IMAGES, POLINUX_STRESS, PROGRIUM_STRESS, CURL];

const byRepository = new Map(IMAGES.map((d) => [d.repository, d]));

/** A resolved image: its definition, reference, size and identifiers. */
export interface ResolvedImage {
  def: ImageDef;
  ref: ImageReference;
  /** The tag whose content the reference names (a digest resolves to the image's first tag). */
  tag: string;
  /** The size in bytes. */
  size: number;
  /** The repo digest (`sha256:...`), stable per repository and tag. */
  digest: string;
  /** The image id (`sha256:...`), stable per repository and tag. */
  id: string;
  /** The software's version in this tag. */
  version: string;
}

/** 64 hex digits derived from `seed` (FNV-1a, widened): stable digests without a registry. */
export function hexDigest(seed: string): string {
  let out = '';
  for (let round = 0; out.length < 64; round++) {
    let h = 2166136261;
    for (const ch of `${seed}#${round}`) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    out += ((h ^ (h >>> 16)) >>> 0).toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}

/** Finds an image by reference; undefined when the registry would answer "not found". */
export function resolveImage(image: string): ResolvedImage | undefined {
  const ref = parseReference(image);
  if (!ref) return undefined;
  const def = byRepository.get(ref.repository);
  if (!def) return undefined;
  let tag = ref.tag;
  if (ref.digest) {
    const match = Object.keys(def.tags).find((t) => `sha256:${hexDigest(`${def.repository}:${t}:repo`)}` === ref.digest);
    if (!match) return undefined;
    tag = match;
  }
  const size = def.tags[tag];
  if (size === undefined) return undefined;
  return { def, ref, tag, size, digest: `sha256:${hexDigest(`${def.repository}:${tag}:repo`)}`, id: `sha256:${hexDigest(`${def.repository}:${tag}:id`)}`, version: def.versions?.[tag] ?? def.version };
}

/**
 * Why a pull of `image` fails, as containerd 1.7 says it (the kubelet's ErrImagePull message):
 * an unknown repository is refused by Docker Hub's authorization, an unknown tag is not found.
 */
export function pullFailure(image: string): string {
  const ref = parseReference(image);
  if (!ref) return `couldn't parse image name "${image}": invalid reference format`;
  const q = ref.qualified;
  if (byRepository.has(ref.repository)) return `failed to pull and unpack image "${q}": failed to resolve reference "${q}": ${q}: not found`;
  if (ref.repository.startsWith('docker.io/')) {
    return `failed to pull and unpack image "${q}": failed to resolve reference "${q}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
  }
  const host = ref.repository.split('/')[0] ?? '';
  return `failed to pull and unpack image "${q}": failed to resolve reference "${q}": failed to do request: Head "https://${host}/v2/${ref.repository.slice(host.length + 1)}/manifests/${ref.tag || ref.digest}": dial tcp: lookup ${host}: no such host`;
}
