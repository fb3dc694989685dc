import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Every TypeScript file below a folder, as `<dir>/<path>` with forward slashes, sorted: what the source scans read. */
export async function typescriptFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name).split('\\').join('/'))
    .sort();
}
