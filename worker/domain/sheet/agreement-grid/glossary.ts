import type { Agreement } from '../../agreement/schema';
import { Glossary } from '../../agreement/schema';
import type { Language } from '../../constants';
import {
  type BlockDef,
  columnsOf,
  type Grid,
  type ParseOptions,
  type ParseResult,
  type RenderedTab,
  TabReader,
  TabWriter,
} from './grid';

/** The Glossary tab: the terms (key, term, definition, examples one per line) and what is and is not a lead. */
const BLOCKS = {
  terms: {
    key: 'terms',
    title: (t) => t.blocks.terms,
    columns: columnsOf(['key', 'term', 'definition', 'examples']),
  } satisfies BlockDef<'key' | 'term' | 'definition' | 'examples'>,
  leadExamples: {
    key: 'lead_examples',
    title: (t) => t.blocks.leadExamples,
    columns: columnsOf(['is', 'isNot']),
  } satisfies BlockDef<'is' | 'isNot'>,
};

export function renderGlossary(content: Agreement, language: Language): RenderedTab {
  const writer = new TabWriter('glossary', language);
  const { terms, leadExamples } = content.glossary;
  writer.block(
    BLOCKS.terms,
    terms.map((t) => ({
      key: t.key,
      term: t.term,
      definition: t.definition,
      examples: t.examples.join('\n'),
    })),
  );
  const height = Math.max(leadExamples.is.length, leadExamples.isNot.length);
  writer.block(
    BLOCKS.leadExamples,
    Array.from({ length: height }, (_, i) => ({
      is: leadExamples.is[i] ?? '',
      isNot: leadExamples.isNot[i] ?? '',
    })),
  );
  return writer.done();
}

/** The glossary section from the tab, or the cells that keep it from being one. */
export function parseGlossary(grid: Grid, options: ParseOptions): ParseResult<Pick<Agreement, 'glossary'>> {
  const reader = new TabReader('glossary', grid, options);
  const blocks = reader.blocks(BLOCKS);
  if (!blocks.terms || !blocks.leadExamples) return reader.result({} as Pick<Agreement, 'glossary'>);
  reader.mark(['glossary'], { row: blocks.terms.titleRow, column: 1 });
  reader.mark(['glossary', 'terms'], { row: blocks.terms.titleRow, column: 1 });
  reader.mark(['glossary', 'leadExamples'], { row: blocks.leadExamples.titleRow, column: 1 });
  const terms = blocks.terms.rows.map((row, i) => {
    const at = ['glossary', 'terms', i];
    return {
      key: reader.text(row, 'key', [...at, 'key']),
      term: reader.text(row, 'term', [...at, 'term']),
      definition: reader.text(row, 'definition', [...at, 'definition']),
      examples: reader.list(row, 'examples', [...at, 'examples'], 'line'),
    };
  });
  reader.unique(blocks.terms.rows, 'key', (row) => reader.peek(row, 'key'));
  const is: string[] = [];
  const isNot: string[] = [];
  for (const row of blocks.leadExamples.rows) {
    const a = reader.text(row, 'is', ['glossary', 'leadExamples', 'is', is.length]);
    if (a !== '') is.push(a);
    const b = reader.text(row, 'isNot', ['glossary', 'leadExamples', 'isNot', isNot.length]);
    if (b !== '') isNot.push(b);
  }
  const glossary = reader.validate(Glossary, { terms, leadExamples: { is, isNot } }, ['glossary']);
  return reader.result({ glossary: glossary as Agreement['glossary'] });
}
