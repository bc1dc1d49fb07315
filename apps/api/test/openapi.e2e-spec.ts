import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { generateOpenApi } from '../src/cli/openapi';

const root = path.resolve(__dirname, '..', '..', '..');

/** The committed contract and the admin's generated client must match the code. */
describe('OpenAPI contract', () => {
  it('matches the committed apps/api/openapi.json (run `npm run openapi` after API changes)', async () => {
    const committed = readFileSync(path.join(root, 'apps/api/openapi.json'), 'utf8');
    expect(await generateOpenApi()).toBe(committed);
  });

  it("matches the admin's generated client types", () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'openapi-')), 'schema.d.ts');
    execFileSync(
      process.execPath,
      [
        path.join(root, 'node_modules/openapi-typescript/bin/cli.js'),
        path.join(root, 'apps/api/openapi.json'),
        '-o',
        out,
      ],
      { stdio: 'pipe' },
    );
    expect(readFileSync(out, 'utf8')).toBe(
      readFileSync(path.join(root, 'apps/admin/src/lib/api/schema.d.ts'), 'utf8'),
    );
  });
});
