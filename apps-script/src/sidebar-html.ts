import type { SidebarTexts } from '../../worker/domain/i18n';
import { sidebarPage } from './sidebar-page';

/**
 * The sidebar page. Texts go in as JSON inside a script and reach the page
 * through `textContent` only: nothing from the Worker or a person is ever
 * parsed as HTML. It talks to the script through `google.script.run`.
 */
export function sidebarHtml(texts: SidebarTexts): string {
  return sidebarPage(texts, {
    style: `  body { font: 13px/1.4 Arial, sans-serif; margin: 12px; color: #202124; }
  label { display: block; margin-top: 10px; font-weight: bold; }
  input { width: 100%; box-sizing: border-box; padding: 6px; margin-top: 4px; border: 1px solid #dadce0; border-radius: 4px; }
  button { margin: 10px 6px 0 0; padding: 6px 12px; border-radius: 4px; border: 1px solid #dadce0; background: #fff; cursor: pointer; }
  button.primary { background: #1a73e8; color: #fff; border-color: #1a73e8; }
  .hint { color: #5f6368; font-size: 12px; margin-top: 4px; }
  #status { margin-top: 12px; padding: 8px; border-radius: 4px; display: none; }
  #status.ok { display: block; background: #e6f4ea; color: #137333; }
  #status.error { display: block; background: #fce8e6; color: #a50e0e; }
`,
    body: `<p id="intro"></p>
<label for="apiUrl" id="apiUrlLabel"></label>
<input id="apiUrl" type="url" autocomplete="off" placeholder="https://">
<label for="token" id="tokenLabel"></label>
<input id="token" type="password" autocomplete="off">
<div class="hint" id="tokenHint"></div>
<button class="primary" id="save"></button>
<button id="test"></button>
<button id="refresh"></button>
<button id="forget"></button>
<hr>
<button id="keepLive"></button>
<div class="hint" id="keepLiveHint"></div>
<div class="hint" id="live"></div>
<div id="status" role="status"></div>
`,
    script: `  function $(id) { return document.getElementById(id); }
  function fill(template, values) {
    return template.replace(/\\{(\\w+)\\}/g, function (_, k) { return values[k] == null ? '' : String(values[k]); });
  }
  function show(kind, text) { var s = $('status'); s.className = kind; s.textContent = text; }
  function fail(error) { show('error', (error && error.message) || String(error)); }
  function view(connection) {
    $('apiUrl').value = connection.apiUrl || '';
    $('token').value = '';
    $('tokenHint').textContent = connection.hasToken ? T.tokenSaved : T.tokenHelp;
  }
  $('intro').textContent = T.intro;
  $('apiUrlLabel').textContent = T.apiUrl;
  $('tokenLabel').textContent = T.token;
  $('save').textContent = T.save;
  $('test').textContent = T.test;
  $('refresh').textContent = T.refresh;
  $('forget').textContent = T.forget;
  $('keepLive').textContent = T.keepLive;
  $('keepLiveHint').textContent = T.keepLiveHint;
  $('save').onclick = function () {
    google.script.run.withSuccessHandler(function (c) { view(c); show('ok', T.saved); }).withFailureHandler(fail)
      .saveConnection({ apiUrl: $('apiUrl').value, token: $('token').value });
  };
  $('test').onclick = function () {
    show('ok', T.testing);
    google.script.run.withSuccessHandler(function (r) {
      if (!r.ok) return show('error', r.message);
      show('ok', fill(T.connectedAs, {
        workspace: r.workspace && r.workspace.name,
        role: r.caller && (T.roles[r.caller.role] || r.caller.role),
        member: (r.caller && r.caller.memberName) || '—'
      }));
    }).withFailureHandler(fail).testConnection();
  };
  $('refresh').onclick = function () {
    show('ok', T.refreshing);
    google.script.run.withSuccessHandler(function (r) { show(r.ok ? 'ok' : 'error', r.ok ? T.refreshed : r.message); })
      .withFailureHandler(fail).refreshNow();
  };
  $('forget').onclick = function () {
    google.script.run.withSuccessHandler(view).withFailureHandler(fail).forgetToken();
  };
  $('keepLive').onclick = function () {
    google.script.run.withSuccessHandler(function (r) {
      if (!r.ok) return show('error', r.message);
      show('ok', fill(T.shareWith, { email: r.serviceAccountEmail || '—' }));
    }).withFailureHandler(fail).keepSheetLive();
  };
  google.script.run.withSuccessHandler(view).withFailureHandler(fail).getConnection();
  google.script.run.withSuccessHandler(function (r) {
    if (!r.ok || !r.connected) return;
    $('live').textContent = r.lastError ? fill(T.liveStopped, { error: r.lastError }) : T.liveOn;
  }).getLiveSheetStatus();
`,
  });
}
