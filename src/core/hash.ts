import { hash } from 'node:crypto';

/** Hex SHA-256 of bytes or a string (UTF-8). One-shot `crypto.hash`: the same digest, a third of the cost on short inputs. */
export function sha256Hex(data: Uint8Array | string): string {
  return hash('sha256', data, 'hex');
}

/** A short stable id: the first 16 hex digits of SHA-256 over the identifying fields. */
export function stableId(...fields: string[]): string {
  return sha256Hex(fields.join('\u001f')).slice(0, 16);
}
