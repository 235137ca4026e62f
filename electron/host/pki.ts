/**
 * The lab's certificates. kubectl (client-go) sends a bearer token only over TLS, so the API
 * is also served over HTTPS on the same port, with a cluster CA and a serving certificate for
 * 127.0.0.1 and localhost — as kubeadm's ca.crt and apiserver.crt. They are made once per data
 * directory (ECDSA P-256, in a few milliseconds) and reused; the kubeconfig carries the CA.
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { webcrypto } from 'node:crypto';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';

// Node's webcrypto is the WebCrypto the library expects; the DOM and Node typings differ only in name.
x509.cryptoProvider.set(webcrypto as never);

/** The PEM files of the lab's PKI. */
export interface Pki {
  caCert: string;
  cert: string;
  key: string;
}

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const TEN_YEARS_MS = 3650 * 24 * 3600 * 1000;

async function exportKey(key: CryptoKey): Promise<string> {
  return x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY');
}

/** Makes a new CA and serving certificate. */
export async function createPki(now = new Date()): Promise<Pki> {
  const notBefore = new Date(now.getTime() - 3600_000);
  const notAfter = new Date(now.getTime() + TEN_YEARS_MS);
  const caKeys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=kubelab-ca',
    notBefore,
    notAfter,
    keys: caKeys,
    signingAlgorithm: ALG,
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature, true)],
  });
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: '02',
    subject: 'CN=kube-apiserver',
    issuer: ca.subject,
    notBefore,
    notAfter,
    publicKey: keys.publicKey,
    signingKey: caKeys.privateKey,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        { type: 'ip', value: '127.0.0.1' },
        { type: 'ip', value: '::1' },
        { type: 'dns', value: 'localhost' },
        { type: 'dns', value: 'kubernetes' },
        { type: 'dns', value: 'kubernetes.default.svc' },
      ]),
    ],
  });
  return { caCert: ca.toString('pem'), cert: cert.toString('pem'), key: await exportKey(keys.privateKey) };
}

function stillValid(p: Pki, now: Date): boolean {
  try {
    const cert = new X509Certificate(p.cert);
    const ca = new X509Certificate(p.caCert);
    return cert.verify(ca.publicKey) && new Date(cert.validTo) > now && new Date(ca.validTo) > now;
  } catch {
    return false;
  }
}

/** Loads `DIR/pki`, or makes it when missing, damaged or expired. */
export async function ensurePki(dataDir: string, now = new Date()): Promise<Pki> {
  const dir = join(dataDir, 'pki');
  const files = { caCert: join(dir, 'ca.crt'), cert: join(dir, 'apiserver.crt'), key: join(dir, 'apiserver.key') };
  if (Object.values(files).every((f) => existsSync(f))) {
    const p: Pki = { caCert: readFileSync(files.caCert, 'utf8'), cert: readFileSync(files.cert, 'utf8'), key: readFileSync(files.key, 'utf8') };
    if (stillValid(p, now)) return p;
  }
  const p = await createPki(now);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const [k, path] of Object.entries(files)) {
    writeFileSync(`${path}.tmp`, p[k as keyof Pki], { mode: 0o600 });
    renameSync(`${path}.tmp`, path);
  }
  return p;
}
