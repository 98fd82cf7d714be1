// @spec specthread-core#19.4
/**
 * Is the test a tag or title belongs to marked pending (skipped or todo)? Such a test names its
 * criterion but verifies nothing, so coverage counts it as "test pending", not "verified".
 *
 * Read from the source around the tag, without parsing the language: the test's header is the
 * tag's line, the decorators or annotations just above it (and, for a docstring, the `def` it
 * documents), and the lines below it down to the line that declares the test. A skip marker in
 * the header (`it.skip(`, `test.todo(`, `xit(`, `{ skip: … }`, `@pytest.mark.skip`,
 * `@unittest.skip`, `@Disabled`, `@Ignore`, `#[ignore]`) makes it pending, and so does a skip as
 * the first statement of its body (`t.Skip(…)`, `pytest.skip(…)`, `self.skipTest(…)`,
 * `this.skip()`), which is how Go and some Python tests say it. A conditional skip
 * (`if testing.Short() { t.Skip() }`) is not the first statement and does not count.
 */

const HEADER_SKIP =
  /\b(?:it|test|describe|context|specify|suite)\.(?:skip|todo)\b|(?:^|[^\w.$])x(?:it|test|describe|context|specify)\s*\(|[{,]\s*(?:skip|todo)\s*:(?!\s*false\b)|@pytest\.mark\.skip\b(?!if)|@unittest\.skip\b(?!If|Unless)|@(?:Disabled|Ignore)\b|#\[ignore\b/;

const BODY_SKIP = /^\s*(?:t\.(?:Skip|SkipNow|Skipf)\(|pytest\.skip\(|self\.skipTest\(|this\.skip\(\)|t\.(?:skip|todo)\()/;

/** A line that only annotates what follows: a decorator, an annotation, an attribute. */
const ANNOTATION = /^\s*(?:@|#\[)/;
/** A Python or Go declaration a docstring below it documents. */
const DEF_LINE = /^\s*(?:async\s+)?(?:def|func)\s/;
const COMMENT_LINE = /^\s*(?:\/\/|#(?!\[)|\/\*|\*|--)/;
const BLANK = /^\s*$/;

/** How far from the tag the header and the body are looked for. */
const REACH = 8;

export function isPendingTestAt(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lines = new LineWalker(text, lineStart);
  const header: string[] = [lines.current()];
  // Upwards: annotations and decorators, and the `def` a docstring belongs to.
  for (let k = 1; k <= REACH; k++) {
    const line = lines.above(k);
    if (line === undefined || !(ANNOTATION.test(line) || DEF_LINE.test(line))) break;
    header.push(line);
  }
  // Downwards: comments and annotations until the line that declares the test.
  let declaration = 0;
  const own = lines.current();
  if (COMMENT_LINE.test(own) || ANNOTATION.test(own)) {
    for (let k = 1; k <= REACH; k++) {
      const line = lines.below(k);
      if (line === undefined) return HEADER_SKIP.test(header.join('\n'));
      header.push(line);
      declaration = k;
      if (!(COMMENT_LINE.test(line) || ANNOTATION.test(line) || BLANK.test(line))) break;
    }
  }
  if (HEADER_SKIP.test(header.join('\n'))) return true;
  // The body's first statement, past comments and blank lines.
  for (let k = declaration + 1; k <= declaration + REACH; k++) {
    const line = lines.below(k);
    if (line === undefined) return false;
    if (BLANK.test(line) || COMMENT_LINE.test(line)) continue;
    return BODY_SKIP.test(line);
  }
  return false;
}

/** Lines around one line of a text, cut on demand (a file may be large; only a few lines are read). */
class LineWalker {
  private readonly starts: number[] = [];
  private readonly ups: number[] = [];

  constructor(
    private readonly text: string,
    private readonly start: number,
  ) {}

  current(): string {
    return this.lineFrom(this.start);
  }

  /** The k-th line below (k ≥ 1), or undefined past the end. */
  below(k: number): string | undefined {
    let at = this.start;
    if (this.starts.length >= k) at = this.starts[k - 1]!;
    else {
      if (this.starts.length) at = this.starts[this.starts.length - 1]!;
      for (let i = this.starts.length; i < k; i++) {
        const nl = this.text.indexOf('\n', at);
        if (nl < 0) return undefined;
        at = nl + 1;
        this.starts.push(at);
      }
    }
    return this.lineFrom(at);
  }

  /** The k-th line above (k ≥ 1), or undefined before the start. */
  above(k: number): string | undefined {
    let at = this.start;
    if (this.ups.length >= k) at = this.ups[k - 1]!;
    else {
      if (this.ups.length) at = this.ups[this.ups.length - 1]!;
      for (let i = this.ups.length; i < k; i++) {
        if (at === 0) return undefined;
        at = this.text.lastIndexOf('\n', at - 2) + 1;
        this.ups.push(at);
      }
    }
    return this.lineFrom(at);
  }

  private lineFrom(at: number): string {
    const nl = this.text.indexOf('\n', at);
    return this.text.slice(at, nl < 0 ? this.text.length : nl).replace(/\r$/, '');
  }
}
