import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../../worker/domain/i18n/en';

/**
 * A catalogue text nobody says is a text nobody keeps true. The sections that
 * code names by key — schema messages through `schemaText('key')`, error texts
 * and things through `say`/`thing` or a quoted key — must each be named
 * somewhere in the Worker or the add-on, outside the catalogues themselves.
 */
const SOURCE = execFileSync('git', ['ls-files', 'worker/*.ts', 'apps-script/src/*.ts'], { encoding: 'utf8' })
  .trim()
  .split('\n')
  .filter(
    (file) =>
      !/^worker\/domain\/i18n\/(en|pl|ro|ru)\.ts$|^worker\/domain\/i18n\/(sheet|starter)\//.test(file),
  )
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

const unused = (keys: string[], uses: (key: string) => RegExp) =>
  keys.filter((key) => !uses(key).test(SOURCE));

describe('every catalogue key is said somewhere', () => {
  it('should name every schema message with schemaText', () => {
    expect(unused(Object.keys(en.schema), (key) => new RegExp(`schemaText\\('${key}'`))).toEqual([]);
  });

  it('should name every error text and thing by its key', () => {
    const named = (key: string) => new RegExp(`'${key}'|\\.${key}\\b`);
    expect(unused(Object.keys(en.errors), named)).toEqual([]);
    expect(unused(Object.keys(en.things), named)).toEqual([]);
  });

  it('should notice a key nobody names (the check can fail)', () => {
    expect(unused(['noSuchKeyAnywhere'], (key) => new RegExp(`schemaText\\('${key}'`))).toEqual([
      'noSuchKeyAnywhere',
    ]);
  });
});
