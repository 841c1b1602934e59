// A large, valid twitchcheck.journal/1 document (journal.md), for benchmarks: `episodes`
// episodes spread over the `days` days ending `today`, a `days` entry for every day, a
// plan, and notes. Seeded: the same arguments give the same text.
export const REGIONS = ['eyelid', 'face', 'tongue', 'shoulder', 'upper_arm', 'forearm', 'hand', 'neck', 'chest', 'back',
  'abdomen', 'thigh', 'calf', 'foot'];
export const SIDES = ['left', 'right', 'both', 'midline'];
export const TRIGGERS = ['caffeine', 'stress', 'fatigue', 'dehydration', 'intense_exercise', 'poor_sleep'];
const DAY_MS = 86400000;
const pad = (n) => String(n).padStart(2, '0');

// mulberry32: small, seeded, the same sequence on every run (the differential test uses
// it too).
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (items) => items[int(0, items.length - 1)];
  const chance = (p) => next() < p;
  const shuffle = (items) => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(0, i);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  const subset = (items, p) => shuffle(items).filter(() => chance(p));
  return { next, int, pick, chance, shuffle, subset };
}

export function generateJournal({ episodes = 20000, days = 1100, today = '2026-12-04', seed = 1 } = {}) {
  const { int, pick } = prng(seed);
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const dateOf = (back) => new Date(todayMs - back * DAY_MS).toISOString().slice(0, 10);

  const list = [];
  for (let i = 0; i < episodes; i++) {
    const e = {
      id: `ep-${i}`,
      at: `${dateOf(int(0, days - 1))}T${pad(int(0, 23))}:${pad(int(0, 59))}:${pad(int(0, 59))}+01:00`,
      region: pick(REGIONS),
      side: pick(SIDES),
      duration_s: int(1, 600),
      intensity: int(1, 5),
      triggers: [pick(TRIGGERS)],
    };
    if (i % 10 === 0) e.note = `after ${int(1, 4)} coffees, "tired"`;
    list.push(e);
  }
  const dayList = [];
  for (let back = days - 1; back >= 0; back--) {
    dayList.push({
      date: dateOf(back), caffeine_mg: int(0, 500), water_ml: int(500, 3000), sleep_h: int(10, 18) / 2,
      stress: int(0, 10), exercise: pick(['none', 'moderate', 'intense']), relaxation_min: int(0, 60),
    });
  }
  const journal = { schema: 'twitchcheck.journal/1', episodes: list, days: dayList, plan: { started: dateOf(40) } };
  return { text: JSON.stringify(journal), today, episodes, days };
}
