/**
 * Sums of weight rows for the attribution decoder (role-decoder.ts), written out for its 13 labels so
 * that the sums stay in registers while the rows are read: a loop over the labels stored each sum back
 * to memory at every row (the quotes and claims stages ran 1.2× as fast written out).
 */

/** Adds the rows of `slots` at `found[from … from + count)` (−1: none) into `into` at `o`. */
export function addRows(
  slots: Int16Array,
  found: Int32Array,
  from: number,
  count: number,
  into: Int32Array,
  o: number,
): void {
  let s0 = into[o + 0]!;
  let s1 = into[o + 1]!;
  let s2 = into[o + 2]!;
  let s3 = into[o + 3]!;
  let s4 = into[o + 4]!;
  let s5 = into[o + 5]!;
  let s6 = into[o + 6]!;
  let s7 = into[o + 7]!;
  let s8 = into[o + 8]!;
  let s9 = into[o + 9]!;
  let s10 = into[o + 10]!;
  let s11 = into[o + 11]!;
  let s12 = into[o + 12]!;
  for (let j = from; j < from + count; j++) {
    const b = found[j]!;
    if (b < 0) continue;
    s0 += slots[b + 0]!;
    s1 += slots[b + 1]!;
    s2 += slots[b + 2]!;
    s3 += slots[b + 3]!;
    s4 += slots[b + 4]!;
    s5 += slots[b + 5]!;
    s6 += slots[b + 6]!;
    s7 += slots[b + 7]!;
    s8 += slots[b + 8]!;
    s9 += slots[b + 9]!;
    s10 += slots[b + 10]!;
    s11 += slots[b + 11]!;
    s12 += slots[b + 12]!;
  }
  into[o + 0] = s0;
  into[o + 1] = s1;
  into[o + 2] = s2;
  into[o + 3] = s3;
  into[o + 4] = s4;
  into[o + 5] = s5;
  into[o + 6] = s6;
  into[o + 7] = s7;
  into[o + 8] = s8;
  into[o + 9] = s9;
  into[o + 10] = s10;
  into[o + 11] = s11;
  into[o + 12] = s12;
}

/**
 * The label of the highest score (ties to the lower label): `a` at `ao` plus `b` at `bo` plus the rows
 * of `slots` at `found[from … from + count)`.
 */
export function bestLabel(
  slots: Int16Array,
  found: Int32Array,
  from: number,
  count: number,
  a: Int32Array,
  ao: number,
  b: Int32Array,
  bo: number,
): number {
  let s0 = a[ao + 0]! + b[bo + 0]!;
  let s1 = a[ao + 1]! + b[bo + 1]!;
  let s2 = a[ao + 2]! + b[bo + 2]!;
  let s3 = a[ao + 3]! + b[bo + 3]!;
  let s4 = a[ao + 4]! + b[bo + 4]!;
  let s5 = a[ao + 5]! + b[bo + 5]!;
  let s6 = a[ao + 6]! + b[bo + 6]!;
  let s7 = a[ao + 7]! + b[bo + 7]!;
  let s8 = a[ao + 8]! + b[bo + 8]!;
  let s9 = a[ao + 9]! + b[bo + 9]!;
  let s10 = a[ao + 10]! + b[bo + 10]!;
  let s11 = a[ao + 11]! + b[bo + 11]!;
  let s12 = a[ao + 12]! + b[bo + 12]!;
  for (let j = from; j < from + count; j++) {
    const r = found[j]!;
    if (r < 0) continue;
    s0 += slots[r + 0]!;
    s1 += slots[r + 1]!;
    s2 += slots[r + 2]!;
    s3 += slots[r + 3]!;
    s4 += slots[r + 4]!;
    s5 += slots[r + 5]!;
    s6 += slots[r + 6]!;
    s7 += slots[r + 7]!;
    s8 += slots[r + 8]!;
    s9 += slots[r + 9]!;
    s10 += slots[r + 10]!;
    s11 += slots[r + 11]!;
    s12 += slots[r + 12]!;
  }
  return argmax13(s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12);
}

/**
 * The label of the highest score (ties to the lower label): `a` at `ao` plus `b` at `bo` plus `c` at
 * `co` and at `do` (the decoder's token scores, history row and its word's two history rows).
 */
export function bestOfFour(
  a: Int32Array,
  ao: number,
  b: Int32Array,
  bo: number,
  c: Int32Array,
  co: number,
  d: number,
): number {
  const s0 = a[ao + 0]! + b[bo + 0]! + c[co + 0]! + c[d + 0]!;
  const s1 = a[ao + 1]! + b[bo + 1]! + c[co + 1]! + c[d + 1]!;
  const s2 = a[ao + 2]! + b[bo + 2]! + c[co + 2]! + c[d + 2]!;
  const s3 = a[ao + 3]! + b[bo + 3]! + c[co + 3]! + c[d + 3]!;
  const s4 = a[ao + 4]! + b[bo + 4]! + c[co + 4]! + c[d + 4]!;
  const s5 = a[ao + 5]! + b[bo + 5]! + c[co + 5]! + c[d + 5]!;
  const s6 = a[ao + 6]! + b[bo + 6]! + c[co + 6]! + c[d + 6]!;
  const s7 = a[ao + 7]! + b[bo + 7]! + c[co + 7]! + c[d + 7]!;
  const s8 = a[ao + 8]! + b[bo + 8]! + c[co + 8]! + c[d + 8]!;
  const s9 = a[ao + 9]! + b[bo + 9]! + c[co + 9]! + c[d + 9]!;
  const s10 = a[ao + 10]! + b[bo + 10]! + c[co + 10]! + c[d + 10]!;
  const s11 = a[ao + 11]! + b[bo + 11]! + c[co + 11]! + c[d + 11]!;
  const s12 = a[ao + 12]! + b[bo + 12]! + c[co + 12]! + c[d + 12]!;
  return argmax13(s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12);
}

/** The index of the highest of the 13 label scores (ties to the lower label), unrolled for the decoder's hot loop. */
function argmax13(
  s0: number,
  s1: number,
  s2: number,
  s3: number,
  s4: number,
  s5: number,
  s6: number,
  s7: number,
  s8: number,
  s9: number,
  s10: number,
  s11: number,
  s12: number,
): number {
  let best = 0;
  let top = s0;
  if (s1 > top) {
    best = 1;
    top = s1;
  }
  if (s2 > top) {
    best = 2;
    top = s2;
  }
  if (s3 > top) {
    best = 3;
    top = s3;
  }
  if (s4 > top) {
    best = 4;
    top = s4;
  }
  if (s5 > top) {
    best = 5;
    top = s5;
  }
  if (s6 > top) {
    best = 6;
    top = s6;
  }
  if (s7 > top) {
    best = 7;
    top = s7;
  }
  if (s8 > top) {
    best = 8;
    top = s8;
  }
  if (s9 > top) {
    best = 9;
    top = s9;
  }
  if (s10 > top) {
    best = 10;
    top = s10;
  }
  if (s11 > top) {
    best = 11;
    top = s11;
  }
  if (s12 > top) {
    best = 12;
    top = s12;
  }
  return best;
}
