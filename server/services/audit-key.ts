/**
 * @module The deployment's audit signing key: Ed25519, made at first start
 * and kept in a file outside the database (AUDIT_KEY_FILE; by default next to
 * an embedded database file), so that whoever can rewrite the database
 * cannot also sign a new history. Its public half is published at
 * /api/audit/key, on /audit and in the README's deployment notes.
 *
 * Several app servers on one libSQL server must share one key file: each
 * would otherwise make its own, and visitors would see two keys.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { decodeBase64urlIgnorePadding, decodeHex, encodeBase64urlNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

export type AuditSigner = {
  /** Raw Ed25519 public key, 64 lower-case hex. */
  publicKey: string;
  /** Where the private key lives; null for a key that lives only in memory (a `:memory:` test database). */
  file: string | null;
  /** Ed25519 signature of the UTF-8 bytes of `message`, 128 lower-case hex. */
  sign(message: string): string;
};

/** Where the key file is: AUDIT_KEY_FILE, else next to an embedded database file, else data/. Null: keep it in memory. */
export function auditKeyPath(databaseUrl: string, configured: string | undefined): string | null {
  if (configured) return configured;
  if (databaseUrl === ':memory:' || databaseUrl === 'file::memory:' || databaseUrl.includes('mode=memory')) return null;
  if (databaseUrl.startsWith('file:')) return join(dirname(databaseUrl.slice('file:'.length).split('?')[0]!), 'audit-signing-key.pem');
  return join('data', 'audit-signing-key.pem');
}

function rawPublicKey(key: KeyObject): string {
  const jwk = createPublicKey(key).export({ format: 'jwk' });
  return encodeHexLowerCase(decodeBase64urlIgnorePadding(jwk.x!));
}

function signerOf(privateKey: KeyObject, file: string | null): AuditSigner {
  return {
    publicKey: rawPublicKey(privateKey),
    file,
    sign: (message) => encodeHexLowerCase(sign(null, new TextEncoder().encode(message), privateKey)),
  };
}

/** Reads the key file, or makes a new key and writes it (mode 0600) when there is none. */
export function loadOrCreateAuditKey(file: string | null): AuditSigner {
  if (file === null) return signerOf(generateKeyPairSync('ed25519').privateKey, null);
  if (existsSync(file)) return signerOf(createPrivateKey(readFileSync(file, 'utf8')), file);
  const { privateKey } = generateKeyPairSync('ed25519');
  mkdirSync(dirname(file), { recursive: true });
  // `wx`: two servers starting at once on a shared file must not both write one.
  try {
    writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return signerOf(createPrivateKey(readFileSync(file, 'utf8')), file);
    throw err;
  }
  chmodSync(file, 0o600);
  return signerOf(privateKey, file);
}

/** Checks an Ed25519 signature (hex) of `message` by a raw public key (hex). False for anything malformed. */
export function verifyEd25519(publicKeyHex: string, message: string, signatureHex: string): boolean {
  try {
    if (!/^[0-9a-f]{64}$/.test(publicKeyHex) || !/^[0-9a-f]{128}$/.test(signatureHex)) return false;
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: encodeBase64urlNoPadding(decodeHex(publicKeyHex)) }, format: 'jwk' });
    return verify(null, new TextEncoder().encode(message), key, decodeHex(signatureHex));
  } catch {
    return false;
  }
}
