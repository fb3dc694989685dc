import { sidebarPage } from '../sidebar-page';
/**
 * The frame the agreement's sidebar views share: style, and helpers that put
 * text on the page with `textContent` only, so nothing from the Worker, the
 * agreement or a person is ever parsed as HTML. Texts go in as JSON inside a
 * script, with `<` escaped so no text can close the script element.
 */
export function agreementPage(texts: object, body: string, script: string): string {
  return sidebarPage(texts, {
    style: `  body { font: 13px/1.4 Arial, sans-serif; margin: 12px; color: #202124; }
  h3 { font-size: 15px; margin: 0 0 6px; }
  h4 { font-size: 13px; margin: 12px 0 4px; }
  ul { margin: 4px 0; padding-left: 18px; }
  li { margin: 2px 0; word-break: break-word; }
  label { display: block; margin-top: 6px; }
  button { margin: 10px 6px 0 0; padding: 6px 12px; border-radius: 4px; border: 1px solid #dadce0; background: #fff; cursor: pointer; }
  button.primary { background: #1a73e8; color: #fff; border-color: #1a73e8; }
  button[hidden] { display: none; }
  .hint { color: #5f6368; font-size: 12px; }
  .section { border-top: 1px solid #dadce0; padding: 6px 0; }
  .state { font-size: 12px; color: #5f6368; }
  .conflict .state { color: #a50e0e; font-weight: bold; }
  .signed { color: #137333; }
  .unsigned { color: #a50e0e; }
  #status { margin-top: 12px; padding: 8px; border-radius: 4px; display: none; }
  #status.ok { display: block; background: #e6f4ea; color: #137333; }
  #status.error { display: block; background: #fce8e6; color: #a50e0e; }
`,
    body: `${body}
<div id="status" role="status"></div>
`,
    script: `  function $(id) { return document.getElementById(id); }
  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text != null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }
  function list(items) {
    var ul = el('ul');
    for (var i = 0; i < items.length; i++) ul.appendChild(el('li', items[i]));
    return ul;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function show(kind, text) { var s = $('status'); s.className = kind; s.textContent = text; }
  function fail(error) { show('error', (error && error.message) || String(error)); }
  function run(success) { return google.script.run.withSuccessHandler(success).withFailureHandler(fail); }
${script}
`,
  });
}
