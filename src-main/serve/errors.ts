/** The two ways `l7 serve` refuses to go on: a mistake in how it was called (exit 2) and a failure to serve (exit 1). */

/** A mistake in how the command was called: exit code 2, with the usage. */
export class UsageError extends Error {}

/** Serving cannot start (a port given with --port cannot be bound …): exit code 1. */
export class ServeError extends Error {}
