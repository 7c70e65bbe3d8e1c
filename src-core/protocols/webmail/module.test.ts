// The webmail module's checks, on edits of its lesson: each refusal located at its field.
import { describe, expect, it } from 'vitest';
import lesson from '../../../resources/lessons/mail-webmail.l7.json';
import { parseScenarioText } from '../../scenario/load';
import { expectedLocation } from '../../scenario/load.test-helper';

type Lesson = Omit<typeof lesson, 'nodes'> & { nodes: { id: string; services?: Record<string, unknown>[] }[] };

function issuesOf(edit: (d: Lesson) => void): string[] {
  const d = structuredClone(lesson) as unknown as Lesson;
  edit(d);
  const text = JSON.stringify(d, null, 2);
  const loaded = parseScenarioText(text);
  if (loaded.ok) return [];
  return loaded.issues.map((i) => {
    // the line and column the loader gives are where the path points in the text
    const path = i.path.split('.').flatMap((p) => p.split(/\[(\d+)\]/).filter((x) => x !== '').map((x) => (/^\d+$/.test(x) ? Number(x) : x)));
    expect({ line: i.line, column: i.column }).toEqual(expectedLocation(text, path));
    return `${i.path}: ${i.message}`;
  });
}

const webmail = (d: Lesson) => d.nodes.find((n) => n.id === 'webmail')!.services![0]!;
const webmailAt = (d: Lesson) => d.nodes.findIndex((n) => n.id === 'webmail');

describe('the webmail module', () => {
  it('takes the lesson as it is', () => {
    expect(issuesOf(() => {})).toEqual([]);
  });

  it('refuses an IMAP server node that does not exist', () => {
    let at = 0;
    const issues = issuesOf((d) => {
      at = webmailAt(d);
      webmail(d).imapServer = 'nowhere';
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(new RegExp(`^nodes\\[${at}\\]\\.services\\[0\\]\\.imapServer: .*nowhere`));
  });

  it('refuses a node that runs no imap-server, and an IMAP port it does not listen on', () => {
    let at = 0;
    const noImap = issuesOf((d) => {
      at = webmailAt(d);
      webmail(d).imapServer = 'dns';
    });
    expect(noImap).toEqual([`nodes[${at}].services[0].imapServer: node "dns" runs no imap-server (the webmail reads the mailboxes from it over IMAP)`]);
    const wrongPort = issuesOf((d) => {
      webmail(d).imapPort = 993;
    });
    expect(wrongPort).toEqual([`nodes[${at}].services[0].imapPort: the IMAP server of "hamburger" listens on 143, not 993`]);
  });

  it('refuses a bad cookie name with the field\'s description', () => {
    const issues = issuesOf((d) => {
      webmail(d).cookieName = 'no spaces allowed';
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toContain('.cookieName: expected a cookie name');
  });
});
