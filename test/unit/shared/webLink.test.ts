import * as assert from 'node:assert/strict';
import { webLink } from '../../../src/shared/webLink';

describe('web links opened from the roadmap', () => {
  const accepted: Array<[string, string]> = [
    ['https://docs.python.org/3/', 'https://docs.python.org/3/'],
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://Example.COM/Path', 'https://example.com/Path'],
    ['Http://example.com/a?b=c#d', 'http://example.com/a?b=c#d'],
  ];
  for (const [url, href] of accepted) it(`opens ${url} as ${href}`, () => assert.equal(webLink(url), href));

  const refused: unknown[] = [
    'javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'command:workbench.action.terminal.new', 'file:///etc/passwd', 'data:text/html,x',
    'vscode://x', 'https:/nohost', 'https://', 'https://exa mple.com', 'https://example.com/\n', ' https://example.com', 'ftp://x.org',
    `https://example.com/${'a'.repeat(2000)}`, '', 42, undefined, null, { url: 'https://x.org' },
  ];
  for (const url of refused) it(`refuses ${JSON.stringify(url)?.slice(0, 60)}`, () => assert.equal(webLink(url), undefined));
});
