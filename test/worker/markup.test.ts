import MarkdownIt from 'markdown-it';
import { describe, expect, it, vi } from 'vitest';
import { escapeChat, escapeMarkdown } from '../../worker/domain/markup';
import { call } from './harness';
import {
  addChannel,
  CLOSED_PORT_URL,
  createSlaWorkspace,
  outboxOf,
  runCron,
  submitLeadAt,
} from './sla-fixtures';

// A renderer as permissive as any meeting-notes tool: raw HTML on, bare URLs linked.
const markdown = new MarkdownIt({ html: true, linkify: true });
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\u200B/g, '')
    .trim();

const HOSTILE = [
  '[click](http://evil.example)',
  '<script>alert(1)</script>',
  '![x](http://evil.example/p.png)',
  '**Jan** _Nowak_ `code` ~~gone~~',
  '# Heading',
  '> quoted',
  '- item',
  '1. first',
  'see www.evil.example or http://evil.example',
  'a | b | c',
  '&lt;b&gt; &amp;',
  'two\nlines',
];

describe('escapeMarkdown', () => {
  it.each(HOSTILE)('should render %j as exactly its own text, with no link, image, tag or block', (value) => {
    const html = markdown.renderInline(escapeMarkdown(value));
    expect(html).not.toMatch(/<(a|img|script|strong|em|code|s|h\d|blockquote|ul|ol|li|table)\b/);
    expect(text(html)).toBe(value.replace(/\n/g, ' '));
    // As a list item of the agenda, too (block syntax at the start of the line).
    const block = markdown.render(`- ${escapeMarkdown(value)}`);
    expect(block.match(/<li>/g)).toHaveLength(1);
    expect(block).not.toMatch(/<(a|img|script|h\d|blockquote|ol|table)\b/);
  });

  it('should leave ordinary text alone', () => {
    expect(escapeMarkdown('Piotr Wójcik (Hutmen): 3 leads, 24 Nov 2026, 10:00.')).toBe(
      'Piotr Wójcik (Hutmen): 3 leads, 24 Nov 2026, 10:00.',
    );
  });
});

describe('escapeChat', () => {
  it('should turn every Slack and Google Chat link, mention and span into plain characters', () => {
    const out = escapeChat(
      '[click](http://evil.example) <http://evil.example|bank> <!channel> <script> *b* _i_',
    );
    expect(out).not.toMatch(/[<>]/);
    expect(out).not.toContain('](');
    expect(out).not.toContain('://');
    expect(out).toContain('&lt;!channel&gt;');
    for (const c of ['*', '_', '[', ']']) {
      for (const at of [...out.matchAll(new RegExp(`\\${c}`, 'g'))])
        expect(out[(at.index ?? 0) + 1]).toBe('\u200B');
    }
    expect(out.replace(/\u200B/g, '')).toBe(
      '[click](http://evil.example) &lt;http://evil.example|bank&gt; &lt;!channel&gt; &lt;script&gt; *b* _i_',
    );
  });
});

describe('form text in the agenda and in chat messages', () => {
  const name = {
    firstName: '[click](http://evil.example)',
    lastName: '<script>',
    company: '*ACME* <!channel>',
  };

  it('should show a lead named like a link or a tag as inert text in the Markdown agenda', async () => {
    const ws = await createSlaWorkspace();
    await submitLeadAt(ws, '2026-11-17T09:00:00Z', { ...name, campaign: '[win](http://evil.example)' });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-22T12:00:00Z'));
    let md: string;
    try {
      const res = await call('GET', '/v1/agenda?week=2026-W48&format=markdown', { token: ws.tokens.sales });
      expect(res.status).toBe(200);
      md = await res.text();
    } finally {
      vi.useRealTimers();
    }
    const html = markdown.render(md);
    expect(html).not.toMatch(/<(a|script|strong|em)\b/);
    expect(text(html)).toContain('[click](http://evil.example) <script> (*ACME* <!channel>)');
    expect(text(html)).toContain('[win](http://evil.example)');
  });

  it('should post the agenda and a breach to Slack and Google Chat with no live link, mention or tag', async () => {
    const ws = await createSlaWorkspace();
    await addChannel(ws, { kind: 'slack', url: CLOSED_PORT_URL, topics: ['agenda', 'breached'] });
    await addChannel(ws, { kind: 'google_chat', url: CLOSED_PORT_URL, topics: ['breached'] });
    await submitLeadAt(ws, '2026-11-17T09:00:00Z', name);
    await runCron('2026-11-22T12:00:00Z');
    await runCron('2026-11-23T08:00:00Z');
    const posts = await outboxOf(ws.id);
    const topics = posts.map((p) => p.topic).sort();
    expect(topics).toContain('agenda');
    expect(topics.filter((t) => t === 'breached').length).toBeGreaterThanOrEqual(2);
    for (const post of posts) {
      const body = JSON.parse(post.body) as { text: string };
      // The only <…> left is our own link line at the end.
      const [ours, ...others] = [...body.text.matchAll(/<[^>]*>/g)].map((m) => m[0]).reverse();
      expect(others, post.topic).toEqual([]);
      expect(ours).toMatch(/^<https:\/\/[^|]+\|[^>]+>$|^<http:\/\/[^|]+\|[^>]+>$/);
      expect(body.text).not.toContain('](');
      expect(body.text).toContain('&lt;script&gt;');
      expect(body.text).toContain('&lt;!channel&gt;');
      expect(body.text.replace(/\u200B/g, '')).toContain('[click](http://evil.example) &lt;script&gt;');
    }
  });
});
