import { describe, expect, it } from 'vitest';
import { HostSlot, HostSlots } from './host-slot';

describe('HostSlots', () => {
  it('keeps what each slot was given, in order, and nothing for an unused slot', () => {
    const numbers = new HostSlot<number>('numbers');
    const words = new HostSlot<string>('numbers'); // same name, different slot
    const slots = new HostSlots();
    slots.add(numbers, 1);
    slots.add(numbers, 2);
    expect(slots.all(numbers)).toEqual([1, 2]);
    expect(slots.all(words)).toEqual([]);
  });
});
