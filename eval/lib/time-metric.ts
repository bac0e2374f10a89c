/** A span with a value, system or gold. */
export interface TimexLike {
  start: number;
  end: number;
  value: string;
  type?: string;
}

export interface Counts {
  gold: number;
  system: number;
  strict: number;
  relaxed: number;
  /** Relaxed matches whose normalized value is equal. */
  value: number;
  /** Relaxed matches whose type is equal. */
  type: number;
}

export function emptyCounts(): Counts {
  return { gold: 0, system: 0, strict: 0, relaxed: 0, value: 0, type: 0 };
}

/**
 * TempEval-3 style matching for one document: strict = same start and end; relaxed = overlapping,
 * one-to-one (each gold span matched at most once, the largest overlap first).
 */
export function scoreDocument(gold: TimexLike[], system: TimexLike[]): Counts {
  const counts: Counts = { ...emptyCounts(), gold: gold.length, system: system.length };
  const pairs: { g: number; s: number; overlap: number }[] = [];
  gold.forEach((g, gi) => {
    system.forEach((s, si) => {
      const overlap = Math.min(g.end, s.end) - Math.max(g.start, s.start);
      if (overlap > 0) pairs.push({ g: gi, s: si, overlap });
    });
  });
  pairs.sort((a, b) => b.overlap - a.overlap);
  const usedG = new Set<number>();
  const usedS = new Set<number>();
  for (const p of pairs) {
    if (usedG.has(p.g) || usedS.has(p.s)) continue;
    usedG.add(p.g);
    usedS.add(p.s);
    const g = gold[p.g];
    const s = system[p.s];
    if (!g || !s) continue;
    counts.relaxed += 1;
    if (g.start === s.start && g.end === s.end) counts.strict += 1;
    if (g.value === s.value) counts.value += 1;
    if (g.type !== undefined && g.type === s.type) counts.type += 1;
  }
  return counts;
}

export function addCounts(a: Counts, b: Counts): Counts {
  return {
    gold: a.gold + b.gold,
    system: a.system + b.system,
    strict: a.strict + b.strict,
    relaxed: a.relaxed + b.relaxed,
    value: a.value + b.value,
    type: a.type + b.type,
  };
}

export interface Prf {
  p: number;
  r: number;
  f1: number;
}

export function prf(tp: number, system: number, gold: number): Prf {
  const p = system ? tp / system : 0;
  const r = gold ? tp / gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** The figures the eval prints: extent strict/relaxed, value F1, value and type accuracy on relaxed matches. */
export function summarize(c: Counts): {
  strict: Prf;
  relaxed: Prf;
  value: Prf;
  valueAccuracy: number;
  typeAccuracy: number;
} {
  return {
    strict: prf(c.strict, c.system, c.gold),
    relaxed: prf(c.relaxed, c.system, c.gold),
    value: prf(c.value, c.system, c.gold),
    valueAccuracy: c.relaxed ? c.value / c.relaxed : 0,
    typeAccuracy: c.relaxed ? c.type / c.relaxed : 0,
  };
}
