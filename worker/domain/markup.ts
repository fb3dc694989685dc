/**
 * Plain text made inert for the mark-up it is written into. Names, companies,
 * campaigns and reasons come from web forms: a lead called
 * `[click](http://evil.example)` or `<script>` must read as those characters,
 * never become a link, a mention or HTML in the agenda or a chat message.
 */

/** Breaks URL auto-linking (`http://`, `www.`) without changing what a person reads. */
const ZWSP = '\u200B';
function unlinked(text: string): string {
  return text.replace(/:\/\//g, `:${ZWSP}//`).replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${ZWSP}.`);
}

/** One line: a value with a line break could otherwise open a new block (a heading, a quote). */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

/**
 * Text for a CommonMark/GFM document: inline mark-up characters (emphasis,
 * code, links, images, HTML, entities, tables, strikethrough) are
 * backslash-escaped, and so are the characters that open a block at the start of
 * a line (`#`, `>`, `-`, `+`, `1.`).
 */
export function escapeMarkdown(text: string): string {
  const escaped = unlinked(oneLine(text)).replace(/[\\`*_[\]<>&|~#!]/g, (c) => `\\${c}`);
  return escaped.replace(/^(\s*)([-+=]|\d+(?=[.)]))/, (_, space: string, lead: string) =>
    /^\d/.test(lead) ? `${space}${lead}\\` : `${space}\\${lead}`,
  );
}

/**
 * Text for Slack mrkdwn and Google Chat messages. `&`, `<` and `>` become
 * entities (the escaping both document: no `<url|label>` link, `<!channel>`
 * mention or tag survives); the formatting characters `* _ ~ \`` and the
 * Markdown link brackets (Google Chat apps may read Markdown) are followed by a
 * zero-width space, which neither format lets close a span or a link.
 */
export function escapeChat(text: string): string {
  return unlinked(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[*_~`[\]]/g, (c) => `${c}${ZWSP}`);
}
