import { escapeHtml } from './schemas';

/** Renders the OpenAPI document as one self-contained HTML page: no CDN, no script, works offline. */

type Json = Record<string, unknown>;

function schemaText(schema: unknown): string {
  return escapeHtml(JSON.stringify(schema, null, 2) ?? '');
}

function slug(method: string, path: string) {
  return `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function renderApiReference(
  doc: { info: { title: string; version: string; description?: string }; paths?: object },
  problems: { code: string; status: number }[],
): string {
  const operations: { method: string; path: string; op: Json }[] = [];
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Json)) {
    for (const [method, op] of Object.entries(item as Json)) {
      operations.push({ method: method.toUpperCase(), path, op: op as Json });
    }
  }
  const byTag = new Map<string, typeof operations>();
  for (const entry of operations) {
    const tag = ((entry.op.tags as string[] | undefined) ?? ['Other'])[0] ?? 'Other';
    byTag.set(tag, [...(byTag.get(tag) ?? []), entry]);
  }

  const nav = [...byTag.entries()]
    .map(
      ([tag, ops]) =>
        `<li><strong>${escapeHtml(tag)}</strong><ul>${ops
          .map(
            (o) =>
              `<li><a href="#${slug(o.method, o.path)}"><code>${o.method} ${escapeHtml(o.path)}</code></a></li>`,
          )
          .join('')}</ul></li>`,
    )
    .join('');

  const sections = [...byTag.entries()]
    .map(([tag, ops]) => {
      const body = ops
        .map(({ method, path, op }) => {
          const params = (op.parameters as Json[] | undefined) ?? [];
          const requestBody = op.requestBody as Json | undefined;
          const responses = (op.responses as Json | undefined) ?? {};
          const paramRows = params
            .map(
              (p) =>
                `<tr><td><code>${escapeHtml(String(p.name))}</code></td><td>${escapeHtml(String(p.in))}</td><td>${p.required ? 'yes' : 'no'}</td><td><code>${schemaText(p.schema)}</code></td></tr>`,
            )
            .join('');
          const reqContent = (requestBody?.content as Json | undefined) ?? {};
          const reqBlocks = Object.entries(reqContent)
            .map(
              ([type, media]) =>
                `<p>Body: <code>${escapeHtml(type)}</code></p><pre>${schemaText((media as Json).schema)}</pre>`,
            )
            .join('');
          const respRows = Object.entries(responses)
            .map(
              ([status, r]) =>
                `<li><code>${escapeHtml(status)}</code> ${escapeHtml(String((r as Json).description ?? ''))}</li>`,
            )
            .join('');
          return `<article id="${slug(method, path)}" class="op">
  <h3><span class="method ${method.toLowerCase()}">${method}</span> <code>${escapeHtml(path)}</code></h3>
  <p>${escapeHtml(String(op.summary ?? ''))}</p>
  ${paramRows ? `<table><thead><tr><th>Parameter</th><th>In</th><th>Required</th><th>Schema</th></tr></thead><tbody>${paramRows}</tbody></table>` : ''}
  ${reqBlocks}
  <ul class="responses">${respRows}</ul>
</article>`;
        })
        .join('\n');
      return `<section><h2>${escapeHtml(tag)}</h2>${body}</section>`;
    })
    .join('\n');

  const problemRows = problems
    .map((p) => `<tr id="problem-${p.code}"><td><code>${p.code}</code></td><td>${p.status}</td></tr>`)
    .join('');

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)} — reference</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;display:grid;grid-template-columns:18rem 1fr;color:#1d232a}
nav{position:sticky;top:0;height:100vh;overflow:auto;background:#f4f6f8;padding:1rem;box-sizing:border-box}
nav ul{list-style:none;padding-left:.5rem}main{padding:1.5rem 2rem;max-width:60rem}
pre{background:#f4f6f8;padding:.75rem;overflow:auto;font-size:13px}.op{border-top:1px solid #dde2e7;padding:.5rem 0}
.method{display:inline-block;min-width:4.5rem;font-size:13px;padding:.1rem .4rem;border-radius:3px;color:#fff;background:#56616d}
.get{background:#2f7d4f}.post{background:#2c5fa8}.put,.patch{background:#a8652c}.delete{background:#a82c3d}
table{border-collapse:collapse}td,th{border:1px solid #dde2e7;padding:.25rem .5rem;text-align:left;vertical-align:top}
@media print{body{display:block}nav{display:none}}
</style></head>
<body><nav><p><strong>${escapeHtml(doc.info.title)}</strong> ${escapeHtml(doc.info.version)}</p><p><a href="/openapi.json">openapi.json</a></p><ul>${nav}<li><a href="#problems"><strong>Problem types</strong></a></li></ul></nav>
<main><h1>${escapeHtml(doc.info.title)}</h1><p>${escapeHtml(doc.info.description ?? '')}</p>
<p>Authenticate with <code>Authorization: Bearer &lt;token&gt;</code>. Each error body has <code>type</code>, <code>title</code>, <code>status</code>, <code>detail</code>, <code>requestId</code> and, for invalid input, <code>errors[].path</code>.</p>
${sections}
<section id="problems"><h2>Problem types</h2><table><thead><tr><th>Code</th><th>Status</th></tr></thead><tbody>${problemRows}</tbody></table></section>
</main></body></html>`;
}
