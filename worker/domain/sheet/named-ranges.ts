/**
 * The named ranges LeadPact keeps on the tabs it writes, for what others
 * read (a formula in another tab, a chart, a script): `=COUNTA(LeadPact_Leads)`
 * keeps counting the right rows however many leads come. Every refresh that
 * writes a tab sets its names again over the rows it wrote, so they follow
 * the tab as it grows or shrinks, and one a person deleted comes back.
 */
export const NAMED_RANGES = {
  /** The Leads tab's lead rows (below the header), every column. */
  leads: 'LeadPact_Leads',
  /** The Agreement tab's status cell: "In force" or "Not in force" in the team's language. */
  agreementStatus: 'LeadPact_AgreementStatus',
  /** The active version's number (empty while none is signed). */
  agreementVersion: 'LeadPact_AgreementVersion',
  /** The Report tab's totals: one row per metric, its label and its value. */
  reportTotals: 'LeadPact_ReportTotals',
  /** The Report tab's by-source table, header row included, for charts. */
  reportBySource: 'LeadPact_ReportBySource',
  /** The Report tab's by-campaign table, header row included, for charts. */
  reportByCampaign: 'LeadPact_ReportByCampaign',
  /** The Agenda tab's items (number, topic, detail, who, to decide). */
  agenda: 'LeadPact_Agenda',
} as const;
export type NamedRangeKey = keyof typeof NAMED_RANGES;
