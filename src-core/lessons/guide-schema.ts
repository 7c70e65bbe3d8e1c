/**
 * A lesson's guide (issue 13), the `guide` part of a scenario file
 * (docs/lesson-guide.md): what the lesson shows, numbered steps that point
 * at the chart by queries over the trace, what to look for, suggestions of
 * one edit to try, the course's formulas next to the measured values,
 * suggested parameter sweeps and an optional prediction to make first.
 *
 * Rules:
 * - A step points at an event by a query (protocol, from, to, summary
 *   pattern, n-th match), never by an event index: a query still finds its
 *   message when an edit adds events before it.
 * - Parameters are named by a path with id selectors
 *   ("links[router-root].delayMs"), resolved against the scenario
 *   (parameter-path.ts); formulas read them in SI units.
 * - Shapes are checked here; names, paths, patterns and formulas are checked
 *   against the scenario by guide-check.ts, with the JSON path of the value at
 *   fault.
 */
import { booleanSchema, integerFrom, lineSchema, nodeRefSchema, numberSchema, textSchema } from '../scenario/fields';
import { z } from '../scenario/zod';

/** At most this many of each list, so a guide stays a guide (and a panel stays readable). */
export const MAX_GUIDE_ITEMS = 40;
/** A sweep runs the scenario once per value: at most this many runs. */
export const MAX_SWEEP_VALUES = 50;

const shortList = <T extends z.ZodType>(item: T, what: string) => z.array(item).max(MAX_GUIDE_ITEMS).describe(`an array of at most ${MAX_GUIDE_ITEMS} ${what}`);

/** A name a formula uses: a letter or "_", then letters, digits or "_". */
export const FORMULA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,31}$/;
const formulaNameSchema = z.string().regex(FORMULA_NAME).describe('a name (a letter or "_", then up to 31 letters, digits or "_")');

/** A parameter path such as "links[access].bandwidthMbps" or "workload[0].objects" (parameter-path.ts). */
export const parameterPathSchema = z.string().min(1).max(200).describe('a parameter path such as "links[access].delayMs"');

/**
 * Which trace event a step or a measure means: every field given must match;
 * `nth` counts the matches in trace order from 1, and from the end when
 * negative (-1: the last).
 */
export const TraceQuerySchema = z
  .strictObject({
    /** 'message' (default) or 'state'. */
    kind: z.enum(['message', 'state']).describe('"message" or "state"').default('message'),
    protocol: z.string().min(1).max(40).describe('a protocol name such as "dns"').optional(),
    /** Messages: 'application' or 'transport'. */
    layer: z.enum(['application', 'transport']).describe('"application" or "transport"').optional(),
    /** Messages: sending and receiving node. */
    from: nodeRefSchema.optional(),
    to: nodeRefSchema.optional(),
    /** State events: the node where it happened. */
    node: nodeRefSchema.optional(),
    /** State events: the type, e.g. "dns.cacheStored". */
    type: z.string().min(1).max(80).describe('a state event type such as "dns.cacheStored"').optional(),
    /** A regular expression (JavaScript syntax) the summary must match, e.g. "^Standard query 0x[0-9a-f]+ A ". */
    summary: z.string().min(1).max(200).describe('a regular expression of 1 to 200 characters').optional(),
    /** Messages: only lost ones (true) or only delivered ones (false). */
    lost: booleanSchema.optional(),
    nth: z
      .number()
      .int()
      .min(-10_000)
      .max(10_000)
      .refine((n) => n !== 0, { message: 'expected a match number other than 0: 1 is the first, -1 the last' })
      .describe('a match number: 1 the first, -1 the last (not 0)')
      .default(1),
  })
  .describe('a trace query object');

/** The moment of a matched event: a message's sending or arrival; a state event's time. */
const momentSchema = z.enum(['sent', 'received']).describe('"sent" or "received"');

/** One end of an elapsed time. */
export const TraceMomentSchema = z
  .strictObject({
    event: TraceQuerySchema,
    /** Default: "sent" for the start, "received" for the end. */
    moment: momentSchema.optional(),
  })
  .describe('a trace moment object (event, moment)');

/** A value measured in the run, in SI units (seconds, bytes, bit/s, counts). */
export const MeasureSchema = z
  .union([
    z
      .strictObject({
        /** A metric's name ("resolutionTime", "pageLoadTime"). */
        metric: z.string().min(1).max(80).describe('a metric name such as "pageLoadTime"'),
        node: nodeRefSchema.optional(),
        nth: integerFrom(-10_000, 10_000).default(1),
      })
      .describe('a metric measure (metric, node, nth)'),
    z.strictObject({ elapsed: z.strictObject({ from: TraceMomentSchema, to: TraceMomentSchema }).describe('an elapsed object (from, to)') }).describe('an elapsed measure'),
    z.strictObject({ count: TraceQuerySchema }).describe('a count measure'),
  ])
  .describe('a measure: {metric}, {elapsed: {from, to}} or {count}');

/** What a formula's name stands for. */
export const BindingSchema = z
  .union([
    z.strictObject({ parameter: parameterPathSchema }).describe('a parameter binding'),
    z.strictObject({ measured: MeasureSchema }).describe('a measured binding'),
    /** Another formula over the names bound before this one (an RTT from two delays). */
    z.strictObject({ expression: z.string().min(1).max(400).describe('a formula of 1 to 400 characters') }).describe('an expression binding'),
    z.strictObject({ value: numberSchema }).describe('a constant binding'),
  ])
  .describe('a binding: {parameter}, {measured}, {expression} or {value}');

/** A condition under which the course's formula holds; the panel says when it does not. */
export const AssumptionSchema = z
  .union([
    /** No message was lost (a loss means a retransmission the formula leaves out). */
    z.strictObject({ check: z.literal('no-loss').describe('"no-loss"') }).describe('a no-loss assumption'),
    /** Transmission (and queueing) time is at most `share` of the propagation time of the run's packets. */
    z
      .strictObject({
        check: z.literal('transmission-negligible').describe('"transmission-negligible"'),
        share: z.number().gt(0).max(1).describe('a share: a number > 0 and ≤ 1').default(0.01),
      })
      .describe('a transmission-negligible assumption'),
    /** Transmission time is what the formula counts, but no packet waited in a queue. */
    z.strictObject({ check: z.literal('no-queueing').describe('"no-queueing"') }).describe('a no-queueing assumption'),
  ])
  .describe('an assumption: {check: "no-loss"}, {check: "transmission-negligible"} or {check: "no-queueing"}');

export const GuideFormulaSchema = z
  .strictObject({
    /** How sweeps, predictions and other parts of the guide name it. */
    id: formulaNameSchema,
    title: lineSchema,
    /** The course's formula, e.g. "2 * rtt + L / R" (expression.ts). */
    expression: z.string().min(1).max(400).describe('a formula of 1 to 400 characters'),
    /** Its names, in order (an expression binding may use those above it). */
    names: z.record(formulaNameSchema, BindingSchema).describe('an object of names and their bindings'),
    /** The value the simulation measured, to set beside the formula's. */
    simulated: MeasureSchema,
    /** The unit of both values (SI). */
    unit: z.enum(['s', 'bytes', 'count', 'ratio', 'bit/s']).describe('"s", "bytes", "count", "ratio" or "bit/s"').default('s'),
    /** The formula agrees when |simulated − formula| ≤ tolerance × |formula|. */
    tolerance: z.number().min(0).max(1).describe('a share: a number from 0 to 1').default(0.01),
    /** One or two sentences: what the terms mean (Kurose & Ross section). */
    explanation: textSchema.optional(),
    assumptions: shortList(AssumptionSchema, 'assumptions').default(() => []),
  })
  .describe('a formula object (id, title, expression, names, simulated)');

export const GuideStepSchema = z
  .strictObject({
    text: textSchema,
    at: TraceQuerySchema,
  })
  .describe('a step object (text, at)');

/** One edit a user may try: set a parameter to a value (applied in the editor, or run beside the original). */
export const GuideEditSchema = z
  .strictObject({
    parameter: parameterPathSchema,
    value: z.union([z.number(), z.boolean(), z.string().max(200)]).describe('a number, true or false, or a string'),
  })
  .describe('an edit object (parameter, value)');

export const GuideTrySchema = z
  .strictObject({
    text: textSchema,
    edit: GuideEditSchema.optional(),
  })
  .describe('a try-this object (text, edit)');

export const GuideSweepSchema = z
  .strictObject({
    title: lineSchema,
    parameter: parameterPathSchema,
    values: z.array(z.number()).min(2).max(MAX_SWEEP_VALUES).describe(`an array of 2 to ${MAX_SWEEP_VALUES} numbers`),
    /** The formula whose simulated value is measured at each point and whose line is drawn. */
    formula: formulaNameSchema,
  })
  .describe('a sweep object (title, parameter, values, formula)');

export const GuidePredictSchema = z
  .strictObject({
    question: textSchema,
    /** The formula whose simulated value answers it. */
    formula: formulaNameSchema,
  })
  .describe('a prediction object (question, formula)');

export const GuideSchema = z
  .strictObject({
    /** What the lesson shows, in a few sentences. */
    summary: textSchema,
    steps: shortList(GuideStepSchema, 'steps').default(() => []),
    lookFor: shortList(textSchema, 'texts').default(() => []),
    tryThis: shortList(GuideTrySchema, 'suggestions').default(() => []),
    formulas: shortList(GuideFormulaSchema, 'formulas').default(() => []),
    sweeps: shortList(GuideSweepSchema, 'sweeps').default(() => []),
    predict: GuidePredictSchema.optional(),
  })
  .describe('a guide object (summary, steps, lookFor, tryThis, formulas, sweeps, predict)');

export type TraceQuery = z.output<typeof TraceQuerySchema>;
export type TraceQueryInput = z.input<typeof TraceQuerySchema>;
export type TraceMoment = z.output<typeof TraceMomentSchema>;
export type Measure = z.output<typeof MeasureSchema>;
export type Binding = z.output<typeof BindingSchema>;
export type Assumption = z.output<typeof AssumptionSchema>;
export type GuideFormula = z.output<typeof GuideFormulaSchema>;
export type GuideStep = z.output<typeof GuideStepSchema>;
export type GuideEdit = z.output<typeof GuideEditSchema>;
export type GuideTry = z.output<typeof GuideTrySchema>;
export type GuideSweep = z.output<typeof GuideSweepSchema>;
export type GuidePredict = z.output<typeof GuidePredictSchema>;
export type Guide = z.output<typeof GuideSchema>;
export type GuideInput = z.input<typeof GuideSchema>;
