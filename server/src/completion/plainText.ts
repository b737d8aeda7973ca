/**
 * Turns an LSP snippet into the plain text a client without snippet support should insert: every tab stop
 * and variable becomes its default (a placeholder's text, a choice's first option, nothing for a bare
 * `$1` or `$name`), and escaped `$`, `}`, `\` (and `,` `|` inside a choice) become the characters.
 */
export function snippetToPlainText(snippet: string): string {
  return new SnippetReader(snippet).text(undefined);
}

class SnippetReader {
  private at = 0;

  constructor(private readonly s: string) {}

  /** Reads text until `stop` (unconsumed) or the end. */
  text(stop: string | undefined): string {
    let out = '';
    while (this.at < this.s.length) {
      const c = this.s[this.at];
      if (c === stop) return out;
      if (c === '\\' && this.at + 1 < this.s.length && '$}\\'.includes(this.s[this.at + 1])) {
        out += this.s[this.at + 1];
        this.at += 2;
      } else if (c === '$') out += this.dollar();
      else {
        out += c;
        this.at++;
      }
    }
    return out;
  }

  private dollar(): string {
    const start = this.at;
    const bare = /^\$(\d+|[A-Za-z_]\w*)/.exec(this.s.slice(this.at));
    if (bare) {
      this.at += bare[0].length;
      return '';
    }
    const head = /^\$\{(\d+|[A-Za-z_]\w*)([:|}])/.exec(this.s.slice(this.at));
    if (!head) {
      this.at++;
      return '$';
    }
    this.at += head[0].length;
    if (head[2] === '}') return '';
    if (head[2] === ':') {
      const inner = this.text('}');
      if (this.s[this.at] !== '}') return this.s.slice(start, (this.at = start + 1));
      this.at++;
      return inner;
    }
    const choice = this.choice();
    if (choice === undefined) return this.s.slice(start, (this.at = start + 1));
    return choice;
  }

  private choice(): string | undefined {
    let first = '';
    let inFirst = true;
    while (this.at < this.s.length) {
      const c = this.s[this.at];
      if (c === '\\' && this.at + 1 < this.s.length && ',|\\$}'.includes(this.s[this.at + 1])) {
        if (inFirst) first += this.s[this.at + 1];
        this.at += 2;
        continue;
      }
      if (c === '|' && this.s[this.at + 1] === '}') {
        this.at += 2;
        return first;
      }
      if (c === ',') inFirst = false;
      else if (inFirst) first += c;
      this.at++;
    }
    return undefined;
  }
}
