import { readFile } from 'node:fs/promises';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { typescriptFilesUnder } from './source-files';

/*
 * Every refusal a reader gets must come from the catalogue, so a text written
 * inline (in English) is one a Polish team would read in English. The check
 * reads the source with the TypeScript parser rather than grepping: it finds
 *  - `message:` / `error:` given a literal (or a file's string constant) in a
 *    file that uses zod, and in any `{ path, message }` field issue;
 *  - zod checks given their message as a bare string (`.min(1, 'Too short')`);
 *  - refusals built with a literal text (`new InvalidError('…')`, `new ApiError(code, '…')`).
 * Structured log lines (`{ level, message }`) are for operators and are left out.
 */

/** Refusal classes and the argument indexes that carry human text. */
const REFUSALS: Record<string, number[]> = {
  DomainError: [1],
  ApiError: [1],
  InvalidError: [0],
  ConflictError: [0],
  PreconditionFailedError: [0],
  NotFoundError: [0],
  MalformedBodyError: [0, 1],
};

/** zod checks whose last argument may be a message string. */
const ZOD_CHECKS = new Set([
  'min',
  'max',
  'length',
  'gt',
  'gte',
  'lt',
  'lte',
  'positive',
  'nonnegative',
  'negative',
  'nonpositive',
  'multipleOf',
  'regex',
  'refine',
  'email',
  'url',
  'int',
  'nonempty',
  'startsWith',
  'endsWith',
  'includes',
]);

/** Operator-facing texts that are not a workspace's refusal, each with its reason. */
const ALLOWED: Record<string, string> = {
  'worker/services/health/check-databases.ts':
    'the health probe answers the operator, before any workspace is known',
};

interface Finding {
  file: string;
  line: number;
  text: string;
}

const isLiteral = (node: ts.Node): boolean =>
  ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node);

/** Literal texts given as messages in one file's source. */
function inlineMessagesIn(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true);
  const usesZod = /from '(zod(\/[\w-]+)?|@hono\/zod-openapi)'/.test(source);
  const constants = new Set<string>();
  const found: Finding[] = [];
  const report = (node: ts.Node) =>
    found.push({
      file,
      line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1,
      text: node.getText(),
    });
  const literalOrConstant = (node: ts.Node) =>
    isLiteral(node) || (ts.isIdentifier(node) && constants.has(node.text));

  for (const statement of sf.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const decl of statement.declarationList.declarations) {
      if (ts.isIdentifier(decl.name) && decl.initializer && isLiteral(decl.initializer))
        constants.add(decl.name.text);
    }
  }

  const visit = (node: ts.Node) => {
    if (ts.isObjectLiteralExpression(node)) {
      const names = new Set(
        node.properties.map((p) => (p.name && ts.isIdentifier(p.name) ? p.name.text : '')),
      );
      if (!names.has('level')) {
        for (const property of node.properties) {
          if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name)) continue;
          const name = property.name.text;
          const fieldIssue = name === 'message' && names.has('path');
          if ((usesZod && (name === 'message' || name === 'error')) || fieldIssue) {
            if (literalOrConstant(property.initializer)) report(property);
          }
        }
      }
    }
    if (usesZod && ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const last = node.arguments[node.arguments.length - 1];
      const takesOnlyParams = [
        'positive',
        'nonnegative',
        'negative',
        'nonpositive',
        'email',
        'url',
        'int',
        'nonempty',
      ];
      const messageAt = takesOnlyParams.includes(method) ? 0 : 1;
      if (ZOD_CHECKS.has(method) && last && node.arguments.length > messageAt && literalOrConstant(last))
        report(node);
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
      const indexes = REFUSALS[node.expression.text] ?? [];
      for (const index of indexes) {
        const argument = node.arguments?.[index];
        if (argument && literalOrConstant(argument)) report(node);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('refusal texts come from the catalogue', () => {
  it('should find the inline texts it looks for, so the scan below can fail', () => {
    const probe = [
      "import * as z from 'zod';",
      "const HINT = 'Must be a code.';",
      "export const A = z.string().min(1, { message: 'Must not be empty.' });",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the probe is source text holding a template literal
      "export const B = z.string().regex(/x/, { error: `Must match ${'x'}.` });",
      "export const C = z.string().refine((s) => s !== '', 'Must not be blank.');",
      'export const D = z.string().max(3, { message: HINT });',
      "export const E = z.email('Not an address.');",
      "throw new InvalidError('Nothing fits.', [{ path: 'x', message: 'Wrong.' }]);",
      "throw new ApiError('validation_failed', 'The cursor is wrong.');",
      "console.log(JSON.stringify({ level: 'info', message: 'sweep done' }));",
      "export const F = z.string().min(1, { message: schemaText('notEmpty') });",
    ].join('\n');
    const lines = inlineMessagesIn('probe.ts', probe).map((f) => f.line);
    expect([...new Set(lines)]).toEqual([3, 4, 5, 6, 7, 8, 9]);
    // A field issue is caught even in a file that does not use zod.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the probe is source text holding a template literal
    const query = "throw new Error(String({ path: 'events[0]', message: `No lead ${id}.` }));";
    expect(inlineMessagesIn('query.ts', query)).toHaveLength(1);
  });

  it('should find no zod message, field issue or refusal written inline anywhere in worker/', async () => {
    const files = (await typescriptFilesUnder('worker')).filter(
      (file) =>
        !file.startsWith('worker/domain/i18n/') &&
        !file.startsWith('worker/domain/agreement/templates/') &&
        !(file in ALLOWED),
    );
    expect(files.length).toBeGreaterThan(200);
    const found: Finding[] = [];
    for (const file of files) found.push(...inlineMessagesIn(file, await readFile(file, 'utf8')));
    expect(found.map((f) => `${f.file}:${f.line} ${f.text}`)).toEqual([]);
  });
});
