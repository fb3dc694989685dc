import type { Services } from './services';

/** The LeadPact menu; each item names a global function of index.ts. */
export function addMenu(services: Services): void {
  const ui = services.ui();
  if (!ui) return;
  ui.createMenu('LeadPact')
    .addItem('Refresh now', 'refreshNow')
    .addItem('Connect…', 'showSidebar')
    .addSeparator()
    .addItem('Open selected lead', 'showLead')
    .addItem('Send my pending rows', 'sendMyPendingRows')
    .addItem('Push agreement edits', 'pushAgreementEdits')
    .addItem('Review and sign the agreement', 'showAgreementReview')
    .addItem('Relay Google Form responses', 'linkGoogleForm')
    .addToUi();
}
