import type { Catalogue } from '../../../worker/domain/i18n/catalogue';
import { agreementPage } from './page-html';

/**
 * The agreement view: what the draft changes against the active version (the
 * Worker's diff), "Propose this draft", the proposal's signatures and "Sign as
 * <my side>". Every answer carries the view as it is after the click.
 */
export function reviewHtml(texts: Catalogue['review']): string {
  const body = `<h3 id="title"></h3>
<p id="active"></p>
<h4 id="draftHeading"></h4>
<div id="draft"></div>
<button id="propose" hidden></button>
<h4 id="pendingHeading"></h4>
<ul id="sides"></ul>
<button class="primary" id="sign" hidden></button>
<button id="reload"></button>`;
  const script = `
  var current = null;
  $('title').textContent = T.reviewTitle;
  $('propose').textContent = T.propose;
  $('reload').textContent = T.reload;
  function render(view) {
    if (!view || !view.ok) return;
    current = view;
    $('active').textContent = view.active;
    $('draftHeading').textContent = view.draft.heading;
    var draft = $('draft');
    clear(draft);
    for (var i = 0; i < view.draft.sections.length; i++) {
      var s = view.draft.sections[i];
      var box = el('div', null, 'section');
      box.appendChild(el('strong', s.label));
      box.appendChild(list(s.changes));
      draft.appendChild(box);
    }
    $('propose').hidden = !view.draft.canPropose;
    var sides = $('sides');
    clear(sides);
    var pending = view.pending;
    $('pendingHeading').textContent = pending ? pending.heading : view.noPending;
    if (pending) {
      for (var j = 0; j < pending.sides.length; j++) {
        var side = pending.sides[j];
        sides.appendChild(el('li', side.text, side.signed ? 'signed' : 'unsigned'));
      }
    }
    $('sign').textContent = pending ? pending.signLabel : '';
    $('sign').hidden = !pending || !pending.canSign;
  }
  function answered(r) {
    if (r.view && r.view.ok) render(r.view);
    show(r.ok ? 'ok' : 'error', r.message);
  }
  function load() {
    show('ok', T.loading);
    run(function (view) {
      if (!view.ok) return show('error', view.message);
      $('status').className = '';
      render(view);
    }).getAgreementReview();
  }
  $('propose').onclick = function () { run(answered).proposeDraft({ etag: current.draft.etag }); };
  $('sign').onclick = function () {
    run(answered).signPendingVersion({ number: current.pending.number, hash: current.pending.hash });
  };
  $('reload').onclick = load;
  load();`;
  return agreementPage(texts, body, script);
}
