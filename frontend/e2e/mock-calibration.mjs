// Calibration agreement for the development mock, as internal/calibration.Measure computes it:
// percent agreement and Cohen's kappa between reviewers of the same scorecard (per pair, and
// Light's mean) and between the automatic result and each reviewer, overall and per item,
// items with the lowest agreement first. Rates and kappas are rounded to three decimals; a
// kappa is null where it is undefined.

const round3 = (x) => Math.round(1000 * x) / 1000;

/** agree: [x, y] decisions → {decisions, agreement, kappa}. */
function agree(rs) {
  if (rs.length === 0) return { decisions: 0, agreement: 1, kappa: null };
  const n = rs.length;
  let same = 0;
  const px = new Map();
  const py = new Map();
  for (const [x, y] of rs) {
    if (x === y) same++;
    px.set(x, (px.get(x) ?? 0) + 1 / n);
    py.set(y, (py.get(y) ?? 0) + 1 / n);
  }
  const po = same / n;
  let pe = 0;
  for (const c of [...px.keys()].sort()) pe += px.get(c) * (py.get(c) ?? 0);
  return { decisions: n, agreement: round3(po), kappa: pe < 1 - 1e-9 ? round3((po - pe) / (1 - pe)) : null };
}

function mean(ks) {
  const d = ks.filter((k) => k !== null);
  return d.length ? round3(d.reduce((a, b) => a + b, 0) / d.length) : null;
}

/** ratings keeps paired decisions overall and per item. */
function ratings(map, key) {
  if (!map.has(key)) map.set(key, { all: [], byItem: new Map() });
  const r = map.get(key);
  return (item, x, y) => {
    r.all.push([x, y]);
    if (!r.byItem.has(item)) r.byItem.set(item, []);
    r.byItem.get(item).push([x, y]);
  };
}

export function measure(reviews) {
  const submitted = reviews.filter((r) => r.status === 'submitted');
  const byCard = new Map();
  for (const r of submitted) byCard.set(r.scorecard_id, [...(byCard.get(r.scorecard_id) ?? []), r]);
  const auto = new Map();
  const pairs = new Map();
  let rangeSum = 0;
  for (const card of [...byCard.keys()].sort((a, b) => a - b)) {
    const rs = byCard.get(card).sort((a, b) => a.reviewer_id - b.reviewer_id);
    const scores = rs.map((r) => r.score);
    rangeSum += Math.max(...scores) - Math.min(...scores);
    rs.forEach((r, i) => {
      const addAuto = ratings(auto, r.reviewer_id);
      for (const it of r.items) addAuto(it.item_id, it.automatic, it.result);
      for (const o of rs.slice(i + 1)) {
        const addPair = ratings(pairs, `${r.reviewer_id}-${o.reviewer_id}`);
        for (const it of r.items) {
          const other = o.items.find((x) => x.item_id === it.item_id);
          if (other) addPair(it.item_id, it.result, other.result);
        }
      }
    });
  }
  const pairKeys = [...pairs.keys()].sort((a, b) => {
    const [a1, a2] = a.split('-').map(Number);
    const [b1, b2] = b.split('-').map(Number);
    return a1 - b1 || a2 - b2;
  });
  const pairList = pairKeys.map((k) => {
    const [a, b] = k.split('-').map(Number);
    return { a, b, ...agree(pairs.get(k).all) };
  });
  const reviewerList = [...auto.keys()].sort((a, b) => a - b).map((id) => ({ reviewer_id: id, ...agree(auto.get(id).all) }));
  const itemIds = new Set([...pairs.values(), ...auto.values()].flatMap((r) => [...r.byItem.keys()]));
  const items = [...itemIds].sort().map((id) => {
    const of = (m) => [...m.values()].map((r) => r.byItem.get(id) ?? []).filter((rs) => rs.length);
    const p = of(pairs);
    const a = of(auto);
    return {
      item_id: id,
      pairs: p.flat().length,
      pairwise: agree(p.flat()).agreement,
      kappa: mean(p.map((rs) => agree(rs).kappa)),
      automation: agree(a.flat()).agreement,
      automation_kappa: mean(a.map((rs) => agree(rs).kappa)),
    };
  });
  items.sort((x, y) => x.pairwise - y.pairwise);
  return {
    reviews: submitted.length,
    pairwise: agree(pairKeys.flatMap((k) => pairs.get(k).all)).agreement,
    kappa: mean(pairList.map((p) => p.kappa)),
    automation: agree(reviewerList.flatMap((r) => auto.get(r.reviewer_id).all)).agreement,
    automation_kappa: mean(reviewerList.map((r) => r.kappa)),
    score_range: byCard.size ? Math.round((10 * rangeSum) / byCard.size) / 10 : 0,
    reviewers: reviewerList,
    pairs: pairList,
    items,
  };
}
