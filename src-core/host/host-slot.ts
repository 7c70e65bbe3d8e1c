/**
 * A named, typed place on one host where an application leaves an object for
 * another application on the same host — the way an administrator edits the
 * zone files of the name server running on that machine. Slots are keyed by
 * identity: two slots with the same name are different places.
 */
export class HostSlot<T> {
  /** Only for the type checker: ties the slot to the type of what it holds. */
  declare private readonly holds: T;

  constructor(readonly name: string) {}
}

/** The slots of one host. Each value is stored through its own slot, so reading it back with that slot is type-safe. */
export class HostSlots {
  private readonly values = new Map<HostSlot<unknown>, unknown>();

  /** Adds `value` to the list kept in `slot` (a host may run several servers of one kind). */
  add<T>(slot: HostSlot<T>, value: T): void {
    const list = (this.values.get(slot) as T[] | undefined) ?? [];
    list.push(value);
    this.values.set(slot, list);
  }

  /** Everything added to `slot`, in the order it was added. */
  all<T>(slot: HostSlot<T>): readonly T[] {
    return (this.values.get(slot) as T[] | undefined) ?? [];
  }
}
