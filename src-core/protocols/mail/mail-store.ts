/**
 * The mailboxes of one mail server (Kurose & Ross §2.3: "each recipient has
 * a mailbox located in one of the mail servers"): what the SMTP server
 * engine delivers into, and the IMAP and POP3 server engines read from, on
 * the same node (shared through a host slot, mailStoreOf).
 *
 * Rules:
 * - Accounts are the server's users: a local part ("bob", matched without
 *   regard to case, RFC 5321 §2.4 lets a server do so) and a password.
 *   Addresses are local@domain, the domain the server's.
 * - Each account has folders (IMAP "mailboxes", RFC 9051 §5.1); INBOX
 *   (any case, §5.1) always exists, and new mail goes there.
 * - A message is its RFC 5322 bytes as delivered (CRLF line ends, no
 *   dot-stuffing), with a UID unique and ascending within its folder
 *   (RFC 9051 §2.3.1.1: uidNext, uidValidity), its flags, and the time it
 *   arrived (its internal date).
 * - Expunging removes the messages flagged \Deleted and says which
 *   sequence numbers went, each one as it was when removed (RFC 9051 §7.5.1).
 * - One POP3 session at a time per maildrop (RFC 1939 §8: an exclusive
 *   lock, taken on PASS, released on QUIT or when the connection ends).
 * - The store reports nothing itself: the engine that changes it emits the
 *   state event (smtp: delivered; imap: flags, expunge; pop3: deleted).
 */
import type { SimTime } from '../../sim/time';
import { HostSlot, type HostSlots } from '../../host/host-slot';

export const INBOX = 'INBOX';

/** The system flags of RFC 9051 §2.3.2 the engines use; others are kept as given. */
export const SEEN = '\\Seen';
export const DELETED = '\\Deleted';
export const ANSWERED = '\\Answered';
export const FLAGGED = '\\Flagged';

export interface StoredMessage {
  readonly uid: number;
  /** RFC 5322 bytes, CRLF line ends. Never changed once stored. */
  readonly bytes: Uint8Array;
  readonly flags: Set<string>;
  /** When it arrived (the IMAP internal date). */
  readonly arrived: SimTime;
}

export interface Account {
  readonly user: string;
  readonly password: string;
}

export class Folder {
  readonly messages: StoredMessage[] = [];
  uidNext = 1;

  constructor(
    readonly name: string,
    /** RFC 9051 §2.3.1.1: changes only if UIDs are reused; ours never are, so one value per folder for the run. */
    readonly uidValidity: number,
  ) {}

  append(bytes: Uint8Array, at: SimTime, flags: Iterable<string> = []): StoredMessage {
    const message: StoredMessage = { uid: this.uidNext++, bytes, flags: new Set(flags), arrived: at };
    this.messages.push(message);
    return message;
  }

  /** Removes the \Deleted messages; returns their sequence numbers, each as it was at its removal (RFC 9051 §7.5.1: 3, 3, 3 for three in a row). */
  expunge(): number[] {
    const gone: number[] = [];
    for (let i = 0; i < this.messages.length; ) {
      if (this.messages[i]!.flags.has(DELETED)) {
        this.messages.splice(i, 1);
        gone.push(i + 1);
      } else {
        i++;
      }
    }
    return gone;
  }
}

interface Maildrop {
  readonly account: Account;
  readonly folders: Map<string, Folder>;
  locked: boolean;
}

export class MailStore {
  private readonly drops = new Map<string, Maildrop>();
  private nextUidValidity = 1;

  constructor(
    /** The domain the server receives mail for ("example.com"). */
    readonly domain: string,
    accounts: readonly Account[],
  ) {
    for (const account of accounts) {
      const drop: Maildrop = { account, folders: new Map(), locked: false };
      drop.folders.set(INBOX, new Folder(INBOX, this.nextUidValidity++));
      this.drops.set(account.user.toLowerCase(), drop);
    }
  }

  get users(): readonly string[] {
    return [...this.drops.values()].map((d) => d.account.user);
  }

  hasUser(user: string): boolean {
    return this.drops.has(user.toLowerCase());
  }

  /** The account's own spelling of a user name, or null. */
  userNamed(user: string): string | null {
    return this.drops.get(user.toLowerCase())?.account.user ?? null;
  }

  /** True when `user` exists and `password` is its password (compared exactly). */
  authenticate(user: string, password: string): boolean {
    return this.drops.get(user.toLowerCase())?.account.password === password;
  }

  /** Whether the address's domain is this server's (compared without case, RFC 5321 §2.4) and its local part a user. */
  isLocalAddress(address: string): boolean {
    const at = address.lastIndexOf('@');
    return at > 0 && address.slice(at + 1).toLowerCase() === this.domain.toLowerCase() && this.hasUser(address.slice(0, at));
  }

  /** The folder names of `user`, INBOX first, or [] for no such user. */
  folders(user: string): string[] {
    const drop = this.drops.get(user.toLowerCase());
    return drop ? [...drop.folders.keys()] : [];
  }

  /** A folder of `user` by name (INBOX in any case), or null. */
  folder(user: string, name: string = INBOX): Folder | null {
    const drop = this.drops.get(user.toLowerCase());
    if (!drop) return null;
    return drop.folders.get(name.toUpperCase() === INBOX ? INBOX : name) ?? null;
  }

  /** Makes a folder (IMAP CREATE); null when it exists or the user does not. */
  createFolder(user: string, name: string): Folder | null {
    const drop = this.drops.get(user.toLowerCase());
    if (!drop || drop.folders.has(name) || name.toUpperCase() === INBOX) return null;
    const folder = new Folder(name, this.nextUidValidity++);
    drop.folders.set(name, folder);
    return folder;
  }

  /** Puts a message into `user`'s INBOX; null for no such user. */
  deliver(user: string, bytes: Uint8Array, at: SimTime): StoredMessage | null {
    return this.folder(user)?.append(bytes, at) ?? null;
  }

  /** Takes the POP3 lock of `user`'s maildrop; false when another session holds it (or no such user). */
  lock(user: string): boolean {
    const drop = this.drops.get(user.toLowerCase());
    if (!drop || drop.locked) return false;
    drop.locked = true;
    return true;
  }

  unlock(user: string): void {
    const drop = this.drops.get(user.toLowerCase());
    if (drop) drop.locked = false;
  }
}

const MAIL_STORE = new HostSlot<MailStore>('mail store');

/**
 * The node's mail store: made by the first engine that asks (the node's
 * SMTP server, or its IMAP or POP3 server), with the domain and accounts
 * `make` gives; later calls get the same one.
 */
export function mailStoreOf(slots: HostSlots, make: () => MailStore): MailStore {
  const [kept] = slots.all(MAIL_STORE);
  if (kept) return kept;
  const made = make();
  slots.add(MAIL_STORE, made);
  return made;
}

/**
 * The domain and accounts of a node's mail server, declared on its
 * `smtp-server` service (protocols/mail/schema.ts), or null when the node
 * runs none: an IMAP or POP3 server then has nobody to serve.
 */
export function mailAccountsOfNode(scenario: { readonly nodes: readonly { readonly id: string; readonly services: readonly object[] }[] }, nodeId: string): { readonly domain: string; readonly accounts: readonly Account[] } | null {
  const node = scenario.nodes.find((n) => n.id === nodeId);
  for (const s of node?.services ?? []) {
    if ((s as { type?: unknown }).type !== 'smtp-server') continue;
    const { domain, accounts } = s as { domain?: unknown; accounts?: unknown };
    if (typeof domain === 'string' && Array.isArray(accounts)) return { domain, accounts: accounts as Account[] };
  }
  return null;
}

/** The node's store, made from its SMTP server's domain and accounts (none: an empty store for "localhost"). */
export function nodeMailStore(ctx: { readonly slots: HostSlots; readonly nodeId: string; readonly scenario: Parameters<typeof mailAccountsOfNode>[0] }): MailStore {
  return mailStoreOf(ctx.slots, () => {
    const found = mailAccountsOfNode(ctx.scenario, ctx.nodeId);
    return new MailStore(found?.domain ?? 'localhost', found?.accounts ?? []);
  });
}
