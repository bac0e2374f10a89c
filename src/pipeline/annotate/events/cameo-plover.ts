/**
 * The CAMEO → PLOVER conversion table (plover/CAMEO2PLOVER-2021.txt, PLOVER manual draft 0.8):
 * lines `CODE: CATEGORY, mode, context # gloss`. A code not in the table takes its nearest listed
 * parent (1717 → 171); CAMEO 01 (statements) and 02 (appeals) have no PLOVER category.
 */

export interface PloverClass {
  category: string;
  mode?: string;
  context?: string;
}

export function parseCameoPlover(table: string): Map<string, PloverClass> {
  const out = new Map<string, PloverClass>();
  for (const raw of table.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    const m = /^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,]*))?(?:,(.*))?$/.exec(line);
    if (!m?.[1] || !m[2] || out.has(m[1])) continue;
    const mode = m[3]?.trim().replace(/;$/, '');
    const context = m[4]?.trim().replace(/;.*$/, '').trim();
    out.set(m[1], { category: m[2], ...(mode ? { mode } : {}), ...(context ? { context } : {}) });
  }
  return out;
}

/** The PLOVER class of a CAMEO code: the code's own line, else its nearest listed parent. */
export function ploverOf(table: Map<string, PloverClass>, code: string): PloverClass | undefined {
  for (let c = code.replace(/[^0-9]/g, ''); c.length >= 2; c = c.slice(0, -1)) {
    const hit = table.get(c);
    if (hit) return hit;
  }
  return undefined;
}
