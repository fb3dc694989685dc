import type { LeadViewTexts } from '../../worker/domain/i18n';
import { sidebarPage } from './sidebar-page';

/**
 * The sidebar's one-lead view. Texts go in as JSON inside a script; the lead
 * comes from `getLeadView` / `sendLeadAction` as plain strings and reaches
 * the page through `textContent` and `value` only, so a lead named
 * `<img onerror=…>` stays text. A refused or stale action keeps the form and
 * what the person typed in it.
 */
export function leadViewHtml(texts: LeadViewTexts): string {
  return sidebarPage(texts, {
    style: `  body { font: 13px/1.4 Arial, sans-serif; margin: 12px; color: #202124; }
  h2 { font-size: 16px; margin: 8px 0; word-break: break-word; }
  h3 { font-size: 13px; margin: 14px 0 4px; color: #5f6368; text-transform: uppercase; letter-spacing: .04em; }
  table { border-collapse: collapse; width: 100%; }
  td { padding: 2px 4px; vertical-align: top; word-break: break-word; }
  td.label { color: #5f6368; width: 38%; }
  ul, ol { margin: 0; padding-left: 18px; }
  li { margin: 2px 0; word-break: break-word; }
  .muted { color: #5f6368; font-size: 12px; }
  .note { color: #3c4043; font-style: italic; }
  input, select, textarea { box-sizing: border-box; width: 100%; padding: 4px; margin-top: 2px; border: 1px solid #dadce0; border-radius: 4px; font: inherit; }
  input[type=checkbox] { width: auto; margin-right: 6px; }
  label { display: block; margin-top: 6px; }
  button { margin: 6px 6px 0 0; padding: 5px 10px; border-radius: 4px; border: 1px solid #dadce0; background: #fff; cursor: pointer; }
  button:disabled { opacity: .5; cursor: default; }
  button.primary, #actions button.chosen { background: #1a73e8; color: #fff; border-color: #1a73e8; }
  #open { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; }
  #open input { flex: 1; min-width: 90px; width: auto; margin: 6px 0 0; }
  #form { border: 1px solid #dadce0; border-radius: 4px; padding: 8px; margin-top: 6px; }
  #status { margin-top: 10px; padding: 8px; border-radius: 4px; display: none; white-space: pre-wrap; }
  #status.ok { display: block; background: #e6f4ea; color: #137333; }
  #status.error { display: block; background: #fce8e6; color: #a50e0e; }
  .breached { background: #f4c7c3; } .due_soon { background: #fce8b2; } .met, .met_late { background: #b7e1cd; }
`,
    body: `<div id="open">
  <button class="primary" id="openSelected"></button>
  <input id="leadId" autocomplete="off">
  <button id="openById"></button>
  <button id="refresh"></button>
</div>
<div id="status" role="status"></div>
<div id="lead" hidden>
  <h2 id="name"></h2>
  <h3 id="profileTitle"></h3><table id="profile"></table>
  <h3 id="actionsTitle"></h3><div id="actions"></div><div id="form" hidden></div>
  <h3 id="deadlinesTitle"></h3><ul id="deadlines"></ul>
  <h3 id="scoresTitle"></h3><ul id="scores"></ul>
  <h3 id="historyTitle"></h3><ol id="history"></ol>
</div>
`,
    script: `  var current = null;
  var chosen = null;
  function $(id) { return document.getElementById(id); }
  function el(tag, text, className) {
    var e = document.createElement(tag);
    if (text != null) e.textContent = String(text);
    if (className) e.className = className;
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function show(kind, text) { var s = $('status'); s.className = kind; s.textContent = text; }
  function fail(error) { show('error', (error && error.message) || String(error)); }

  $('openSelected').textContent = T.openSelected;
  $('openById').textContent = T.openById;
  $('refresh').textContent = T.refresh;
  $('leadId').placeholder = T.leadIdPlaceholder;
  $('profileTitle').textContent = T.sections.profile;
  $('scoresTitle').textContent = T.sections.scores;
  $('historyTitle').textContent = T.sections.history;
  $('deadlinesTitle').textContent = T.sections.deadlines;
  $('actionsTitle').textContent = T.sections.actions;

  function render(view, keepForm) {
    current = view;
    $('lead').hidden = false;
    $('name').textContent = view.name;
    var profile = $('profile'); clear(profile);
    view.profile.forEach(function (row) {
      var tr = el('tr'); tr.appendChild(el('td', row.label, 'label')); tr.appendChild(el('td', row.value || '—'));
      profile.appendChild(tr);
    });
    var scores = $('scores'); clear(scores);
    view.scores.forEach(function (line) { scores.appendChild(el('li', line)); });
    var deadlines = $('deadlines'); clear(deadlines);
    if (view.deadlines.length === 0) deadlines.appendChild(el('li', T.deadlines.none, 'muted'));
    view.deadlines.forEach(function (d) {
      var li = el('li', d.what + ' · ' + d.due + ' · ');
      li.appendChild(el('span', d.status, d.state));
      if (d.left) li.appendChild(el('div', d.left, 'muted'));
      deadlines.appendChild(li);
    });
    var history = $('history'); clear(history);
    view.history.forEach(function (h) {
      var li = el('li', h.what);
      li.appendChild(el('div', h.when + ' · ' + h.who, 'muted'));
      if (h.note) li.appendChild(el('div', h.note, 'note'));
      history.appendChild(li);
    });
    var actions = $('actions'); clear(actions);
    if (view.actions.length === 0) actions.appendChild(el('div', T.noActions, 'muted'));
    view.actions.forEach(function (a) {
      var b = el('button', a.label);
      b.setAttribute('data-action', a.type);
      if (keepForm && chosen === a.type) b.className = 'chosen';
      b.onclick = function () { openForm(a.type); };
      actions.appendChild(b);
    });
    var stillAllowed = view.actions.some(function (a) { return a.type === chosen; });
    if (!keepForm || !stillAllowed) { chosen = null; $('form').hidden = true; clear($('form')); }
  }

  function select(name, choices, blank) {
    var s = el('select'); s.name = name;
    if (blank) { var o = el('option', ''); o.value = ''; s.appendChild(o); }
    choices.forEach(function (c) { var o = el('option', c.label); o.value = c.code; s.appendChild(o); });
    return s;
  }
  function field(form, label, input) { var l = el('label', label); l.appendChild(input); form.appendChild(l); return input; }
  function number(name) { var i = el('input'); i.name = name; i.inputMode = 'decimal'; return i; }

  function openForm(type) {
    chosen = type;
    Array.prototype.forEach.call($('actions').children, function (b) {
      b.className = b.getAttribute && b.getAttribute('data-action') === type ? 'chosen' : '';
    });
    var form = $('form'); clear(form); form.hidden = false;
    var c = current.choices;
    form.appendChild(el('strong', current.actions.filter(function (a) { return a.type === type; })[0].label));
    if (type === 'attempt') {
      field(form, T.inputs.channel, select('channel', c.channels));
      field(form, T.inputs.outcome, select('outcome', c.outcomes));
    } else if (type === 'qualify') {
      form.appendChild(el('div', T.inputs.checklist, 'muted'));
      c.criteria.forEach(function (k) {
        var box = el('input'); box.type = 'checkbox'; box.name = 'criterion'; box.value = k.code;
        var l = el('label'); l.appendChild(box); l.appendChild(document.createTextNode(k.label));
        form.appendChild(l);
      });
      field(form, T.inputs.buyingHorizon, number('horizon'));
    } else if (type === 'reject') {
      form.appendChild(el('div', T.inputs.reasons, 'muted'));
      c.rejectReasons.forEach(function (r) {
        var box = el('input'); box.type = 'checkbox'; box.name = 'reason'; box.value = r.code;
        var l = el('label'); l.appendChild(box); l.appendChild(document.createTextNode(r.label));
        form.appendChild(l);
      });
    } else if (type === 'nurture') {
      field(form, T.inputs.reason, select('reason', c.nurtureReasons));
    } else if (type === 'lost') {
      field(form, T.inputs.reason, select('reason', c.lostReasons));
    } else if (type === 'opportunity' || type === 'won') {
      field(form, T.inputs.amount, number('amount'));
      var cur = field(form, T.inputs.currency, el('input')); cur.name = 'currency'; cur.value = c.currency || '';
    } else if (type === 'assign') {
      // The owner is shown, marked and selected, but cannot be chosen: Send waits for someone else.
      if (!c.assignees.some(function (a) { return !a.current; })) form.appendChild(el('div', T.inputs.noAssignee, 'muted'));
      var picker = el('select'); picker.name = 'memberId';
      if (!c.assignees.some(function (a) { return a.current; })) {
        var blank = el('option', T.inputs.chooseAssignee); blank.value = ''; picker.appendChild(blank);
      }
      c.assignees.forEach(function (a) {
        var o = el('option', a.label); o.value = a.code;
        if (a.current) { o.disabled = true; o.selected = true; }
        picker.appendChild(o);
      });
      field(form, T.inputs.assignee, picker);
    } else if (type === 'feedback') {
      c.questions.forEach(function (q) {
        var input;
        if (q.answer === 'yes_no') input = select('q:' + q.id, [{ code: 'yes', label: T.inputs.yes }, { code: 'no', label: T.inputs.no }], true);
        else if (q.answer === 'scale_1_5') input = select('q:' + q.id, [1, 2, 3, 4, 5].map(function (n) { return { code: String(n), label: String(n) }; }), true);
        else { input = el('input'); input.name = 'q:' + q.id; }
        field(form, q.question, input);
      });
    }
    var note = field(form, T.inputs.note, el('textarea')); note.name = 'note'; note.rows = 2;
    var send = el('button', T.inputs.send, 'primary'); send.id = 'send';
    send.onclick = function () { sendAction(type); };
    form.appendChild(send);
    if (type === 'assign') {
      var chosenMember = form.querySelector('[name="memberId"]');
      var check = function () { send.disabled = chosenMember.value === '' || chosenMember.value === current.ownerId; };
      chosenMember.onchange = check;
      check();
    }
  }

  function value(name) { var e = $('form').querySelector('[name="' + name + '"]'); return e ? e.value.trim() : ''; }
  function amountOf(text) { var t = text.replace(/[\\s\\u00a0]/g, '').replace(',', '.'); return t === '' ? undefined : Number(t); }

  function collect(type) {
    var action = { type: type };
    var note = value('note');
    if (type === 'attempt') { action.channel = value('channel'); action.outcome = value('outcome'); }
    if (type === 'qualify') {
      action.answers = {};
      $('form').querySelectorAll('[name="criterion"]').forEach(function (b) { action.answers[b.value] = b.checked; });
      var h = value('horizon'); if (h !== '') action.buyingHorizonMonths = Number(h);
    }
    if (type === 'reject') {
      action.reasons = [];
      $('form').querySelectorAll('[name="reason"]').forEach(function (b) { if (b.checked) action.reasons.push(b.value); });
    }
    if (type === 'nurture' || type === 'lost') action.reason = value('reason');
    if (type === 'assign') action.memberId = value('memberId');
    if (type === 'opportunity' || type === 'won') {
      var amount = amountOf(value('amount'));
      if (amount !== undefined) action.amount = amount;
      if (value('currency') !== '') action.currency = value('currency');
    }
    if (type === 'feedback') {
      action.answers = {};
      current.choices.questions.forEach(function (q) {
        var v = value('q:' + q.id);
        if (v === '') return;
        action.answers[q.id] = q.answer === 'yes_no' ? v === 'yes' : q.answer === 'scale_1_5' ? Number(v) : v;
      });
    }
    if (note !== '') action.note = note;
    return action;
  }

  function sendAction(type) {
    show('ok', T.loading);
    google.script.run.withSuccessHandler(function (r) {
      if (r.view) render(r.view, !r.ok);
      show(r.ok ? 'ok' : 'error', r.message);
    }).withFailureHandler(fail).sendLeadAction({ leadId: current.leadId, version: current.version, action: collect(type) });
  }

  function open(leadId) {
    show('ok', T.loading);
    google.script.run.withSuccessHandler(function (r) {
      if (!r.ok) return show('error', r.message);
      $('status').className = ''; $('status').textContent = '';
      render(r.view, current && r.view.leadId === current.leadId);
    }).withFailureHandler(fail).getLeadView({ leadId: leadId });
  }
  $('openSelected').onclick = function () { open(''); };
  $('openById').onclick = function () { open($('leadId').value); };
  $('refresh').onclick = function () { open(current ? current.leadId : $('leadId').value); };
  open('');
`,
  });
}
