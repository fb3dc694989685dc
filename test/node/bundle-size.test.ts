import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LOCAL_ENV } from './worker-server';

const run = promisify(execFile);

/** Cloudflare's limit is 3 MB gzipped on the free plan; ours is tighter, so cold starts stay quick. */
const BUDGET_GZIP_BYTES = 450 * 1024;

describe('the Worker bundle', () => {
  it('should stay within 450 KB gzipped, minified as wrangler deploy uploads it, with no Google client library', async () => {
    const outdir = await mkdtemp(join(tmpdir(), 'leadpact-bundle-'));
    try {
      await run('npx', ['wrangler', 'deploy', '--dry-run', '--minify', '--outdir', outdir], {
        env: LOCAL_ENV,
      });
      const code = await readFile(join(outdir, 'index.js'));
      const gzipped = gzipSync(code, { level: 9 }).length;
      console.info(`Worker bundle: ${code.length} bytes minified, ${gzipped} bytes gzipped`);
      expect(gzipped).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
      // The live sheet signs its JWT with jose; Google's client (and its gaxios/gtoken stack) stays out.
      expect(code.includes('googleapis-common')).toBe(false);
      expect(code.includes('gaxios')).toBe(false);
      expect(code.includes('urn:ietf:params:oauth:grant-type:jwt-bearer')).toBe(true);
    } finally {
      await rm(outdir, { recursive: true, force: true });
    }
  }, 180_000);
});
