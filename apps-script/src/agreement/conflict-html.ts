import type { Catalogue } from '../../../worker/domain/i18n/catalogue';
import { agreementPage } from './page-html';

/**
 * The conflict view: after a push refused as stale, what changed on each side
 * since the refresh, section by section; a box per conflicting section to keep
 * mine there; "Re-apply my edits on top". A draft that moved again comes back
 * as a new comparison, shown in place.
 */
export function conflictHtml(texts: Catalogue['review']): string {
  const body = `<h3 id="title"></h3>
<p class="hint" id="intro"></p>
<div id="sections"></div>
<button class="primary" id="reapply" hidden></button>`;
  const script = `
  var current = null;
  $('title').textContent = T.conflictTitle;
  $('intro').textContent = T.conflictIntro;
  $('reapply').textContent = T.reapply;
  function chosen() {
    var keep = [];
    var boxes = document.querySelectorAll('input.keep');
    for (var i = 0; i < boxes.length; i++) if (boxes[i].checked) keep.push(boxes[i].value);
    return keep;
  }
  function render(view) {
    // A section still in conflict keeps the person's choice across a new comparison.
    var kept = chosen();
    current = view;
    var root = $('sections');
    clear(root);
    for (var i = 0; i < view.sections.length; i++) {
      var s = view.sections[i];
      var box = el('div', null, 'section ' + s.state);
      box.setAttribute('data-section', s.section);
      box.appendChild(el('h4', s.label));
      box.appendChild(el('div', s.stateText, 'state'));
      if (s.mine.length) { box.appendChild(el('strong', T.yours)); box.appendChild(list(s.mine)); }
      if (s.theirs.length) { box.appendChild(el('strong', T.theirs)); box.appendChild(list(s.theirs)); }
      if (s.state === 'conflict') {
        var label = el('label');
        var tick = el('input');
        tick.type = 'checkbox';
        tick.value = s.section;
        tick.className = 'keep';
        tick.checked = kept.indexOf(s.section) >= 0;
        label.appendChild(tick);
        label.appendChild(el('span', ' ' + T.keepMine));
        box.appendChild(label);
      }
      root.appendChild(box);
    }
    $('reapply').hidden = false;
  }
  function load() {
    run(function (view) { if (!view.ok) return show('error', view.message); render(view); }).getAgreementConflict();
  }
  $('reapply').onclick = function () {
    var keep = chosen();
    show('ok', T.reapplying);
    run(function (r) {
      if (r.view) render(r.view);
      if (!r.ok) return show('error', r.message);
      clear($('sections'));
      $('reapply').hidden = true;
      show('ok', r.message);
    }).reapplyMyEdits({ etag: current && current.etag, keepMine: keep });
  };
  load();`;
  return agreementPage(texts, body, script);
}
