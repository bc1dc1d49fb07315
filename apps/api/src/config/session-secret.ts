import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { type AppConfig } from './config';

/**
 * On the embedded database Fanfare keeps its own session secret in the data directory, so that
 * sessions survive restarts without anyone having to configure a secret for a local run.
 */
export async function resolveSessionSecret(config: AppConfig): Promise<string> {
  if (config.sessionSecret !== undefined) {
    return config.sessionSecret;
  }
  const file = path.join(config.dataDir, 'session-secret');
  try {
    const stored = (await readFile(file, 'utf8')).trim();
    if (stored.length >= 32) {
      return stored;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw error;
    }
  }
  const secret = randomBytes(48).toString('base64url');
  await mkdir(config.dataDir, { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
