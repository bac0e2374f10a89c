/**
 * A pipeline stage: a pure, versioned function from typed input to typed output.
 * No hidden clocks or globals: what a stage needs is passed in.
 * The version is stamped on what it produces, so reprocessing can be targeted.
 */
export interface Stage<In, Out, Options = undefined> {
  readonly name: string;
  readonly version: string;
  run(input: In, options: Options): Out;
}
