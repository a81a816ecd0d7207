/**
 * The learning machinery of the check-worthiness trainer (./train.ts): a design matrix of binary
 * sparse features plus optional dense columns, L2-regularised logistic regression by full-batch
 * L-BFGS, the LR + NB-SVM ensemble and grouped cross-validation (the metrics that choose between
 * configurations are in ./metrics.ts). Deterministic: no randomness anywhere.
 */
import type { FeatureConfig } from "../score/model-format";
import type { Ct24Row } from "./ct24";

// ---------------------------------------------------------------------------------------------
// Design matrix

export interface Dataset {
  /** Row pointers into idx (length rows + 1). */
  ptr: Int32Array;
  /** Sparse feature indices (binary features). */
  idx: Int32Array;
  y: Uint8Array;
  /** Per-row multiplier of every sparse feature value (1, or 1/sqrt(#features) with rowNorm). */
  rs: Float64Array;
  /** Number of sparse features. */
  dim: number;
  /** Dense features, row-major (rows × denseDim), not row-normalised. */
  dense: Float64Array;
  denseDim: number;
}

/** Sparse features (strings) of every row and, optionally, dense ones (row-major). */
export interface Features {
  sparse: string[][];
  /** Rows × denseDim values, in the row order of `sparse`; empty when denseDim is 0. */
  dense: Float64Array;
  denseDim: number;
}

export function rowScale(nFeatures: number): number {
  return 1 / Math.sqrt(Math.max(nFeatures, 1));
}

/** Vocabulary of features seen in at least minCount of the given rows (cues always kept). */
export function buildVocab(
  feats: string[][],
  rowIds: number[],
  minCount: number,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const i of rowIds) {
    for (const f of feats[i] as string[]) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  const names = [...counts.entries()]
    .filter(([f, c]) => c >= minCount || f.startsWith("#"))
    .map(([f]) => f)
    .sort();
  return new Map(names.map((f, i) => [f, i]));
}

/** Dense columns of the given rows, copied in rowIds order. */
export function denseRows(features: Features, rowIds: number[]): Float64Array {
  const d = features.denseDim;
  const out = new Float64Array(rowIds.length * d);
  rowIds.forEach((r, k) => {
    out.set(features.dense.subarray(r * d, (r + 1) * d), k * d);
  });
  return out;
}

export function buildDataset(
  features: Features,
  labels: boolean[],
  rowIds: number[],
  vocab: Map<string, number>,
  rowNorm = false,
  dense: Float64Array = denseRows(features, rowIds),
): Dataset {
  const feats = features.sparse;
  const rs = new Float64Array(
    rowIds.map((r) => (rowNorm ? rowScale((feats[r] as string[]).length) : 1)),
  );
  const ptr = new Int32Array(rowIds.length + 1);
  const idx: number[] = [];
  rowIds.forEach((r, k) => {
    for (const f of feats[r] as string[]) {
      const j = vocab.get(f);
      if (j !== undefined) idx.push(j);
    }
    ptr[k + 1] = idx.length;
  });
  const y = new Uint8Array(rowIds.map((r) => (labels[r] ? 1 : 0)));
  return {
    ptr,
    idx: Int32Array.from(idx),
    y,
    rs,
    dim: vocab.size,
    dense,
    denseDim: features.denseDim,
  };
}

// ---------------------------------------------------------------------------------------------
// L2-regularised logistic regression, full-batch L-BFGS

export interface LinearModel {
  /** Weights of the sparse features. */
  w: Float64Array;
  /** Weights of the dense features. */
  v: Float64Array;
  b: number;
}

function logit(
  d: Dataset,
  scale: Float64Array | null,
  w: Float64Array,
  v: Float64Array,
  b: number,
  row: number,
): number {
  let z = b;
  for (let k = d.ptr[row] as number; k < (d.ptr[row + 1] as number); k++) {
    const j = d.idx[k] as number;
    z += (w[j] as number) * (scale ? (scale[j] as number) : 1) * (d.rs[row] as number);
  }
  const base = row * d.denseDim;
  for (let k = 0; k < d.denseDim; k++) z += (v[k] as number) * (d.dense[base + k] as number);
  return z;
}

/**
 * Minimise mean log-loss + lambda/2 * |w|^2 (bias unregularised). Sparse features are binary,
 * optionally multiplied by a per-feature scale (NB-SVM); dense features are used as they are.
 * Positive rows can be up-weighted by posWeight.
 */
export function trainLogReg(
  d: Dataset,
  lambda: number,
  opts: { scale?: Float64Array; posWeight?: number; maxIter?: number } = {},
): LinearModel {
  const n = d.y.length;
  const dim = d.dim;
  const dd = d.denseDim;
  const scale = opts.scale ?? null;
  const posWeight = opts.posWeight ?? 1;
  const maxIter = opts.maxIter ?? 300;
  let sumW = 0;
  for (let i = 0; i < n; i++) sumW += d.y[i] ? posWeight : 1;
  // Parameter vector x = [w..., v..., b].
  const size = dim + dd + 1;

  const evaluate = (x: Float64Array, g: Float64Array): number => {
    g.fill(0);
    const w = x.subarray(0, dim);
    const v = x.subarray(dim, dim + dd);
    const b = x[dim + dd] as number;
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const yi = d.y[i] as number;
      const si = yi ? posWeight : 1;
      const z = logit(d, scale, w, v, b, i);
      const m = yi ? z : -z;
      // log(1 + exp(-m)), stable
      loss += si * (m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m)));
      const p = 1 / (1 + Math.exp(-z));
      const r = (si * (p - yi)) / sumW;
      const rr = r * (d.rs[i] as number);
      for (let k = d.ptr[i] as number; k < (d.ptr[i + 1] as number); k++) {
        const j = d.idx[k] as number;
        g[j] = (g[j] as number) + rr * (scale ? (scale[j] as number) : 1);
      }
      const base = i * dd;
      for (let k = 0; k < dd; k++) {
        g[dim + k] = (g[dim + k] as number) + r * (d.dense[base + k] as number);
      }
      g[dim + dd] = (g[dim + dd] as number) + r;
    }
    loss /= sumW;
    let reg = 0;
    for (let j = 0; j < dim + dd; j++) {
      const wj = x[j] as number;
      reg += wj * wj;
      g[j] = (g[j] as number) + lambda * wj;
    }
    return loss + 0.5 * lambda * reg;
  };

  const x = minimise(evaluate, size, maxIter);
  return {
    w: Float64Array.from(x.subarray(0, dim)),
    v: Float64Array.from(x.subarray(dim, dim + dd)),
    b: x[dim + dd] as number,
  };
}

/** L-BFGS (memory 10) with a backtracking Armijo line search, from the zero vector. */
function minimise(
  evaluate: (x: Float64Array, g: Float64Array) => number,
  size: number,
  maxIter: number,
): Float64Array {
  const x = new Float64Array(size);
  const g = new Float64Array(size);
  let f = evaluate(x, g);
  const m = 10;
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const dir = new Float64Array(size);
  const xNew = new Float64Array(size);
  const gNew = new Float64Array(size);
  const alpha = new Float64Array(m);
  const dot = (a: Float64Array, c: Float64Array) => {
    let s = 0;
    for (let i = 0; i < a.length; i++) s += (a[i] as number) * (c[i] as number);
    return s;
  };
  const g0 = Math.sqrt(dot(g, g));
  for (let iter = 0; iter < maxIter; iter++) {
    // Two-loop recursion: dir = -H g
    for (let i = 0; i < size; i++) dir[i] = -(g[i] as number);
    for (let k = S.length - 1; k >= 0; k--) {
      const a = (rho[k] as number) * dot(S[k] as Float64Array, dir);
      alpha[k] = a;
      const yk = Y[k] as Float64Array;
      for (let i = 0; i < size; i++) dir[i] = (dir[i] as number) - a * (yk[i] as number);
    }
    if (S.length > 0) {
      const sk = S[S.length - 1] as Float64Array;
      const yk = Y[Y.length - 1] as Float64Array;
      const gamma = dot(sk, yk) / dot(yk, yk);
      for (let i = 0; i < size; i++) dir[i] = (dir[i] as number) * gamma;
    } else {
      const gn = Math.sqrt(dot(g, g));
      for (let i = 0; i < size; i++) dir[i] = (dir[i] as number) / Math.max(gn, 1);
    }
    for (let k = 0; k < S.length; k++) {
      const bta = (rho[k] as number) * dot(Y[k] as Float64Array, dir);
      const sk = S[k] as Float64Array;
      const a = alpha[k] as number;
      for (let i = 0; i < size; i++) dir[i] = (dir[i] as number) + (a - bta) * (sk[i] as number);
    }
    let slope = dot(g, dir);
    if (slope >= 0) {
      // Not a descent direction: reset memory and use steepest descent.
      S.length = 0;
      Y.length = 0;
      rho.length = 0;
      for (let i = 0; i < size; i++) dir[i] = -(g[i] as number);
      slope = dot(g, dir);
    }
    // Backtracking Armijo line search.
    let step = 1;
    let fNew = f;
    let accepted = false;
    for (let ls = 0; ls < 30; ls++) {
      for (let i = 0; i < size; i++) xNew[i] = (x[i] as number) + step * (dir[i] as number);
      fNew = evaluate(xNew, gNew);
      if (fNew <= f + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) break;
    const s = new Float64Array(size);
    const yv = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      s[i] = (xNew[i] as number) - (x[i] as number);
      yv[i] = (gNew[i] as number) - (g[i] as number);
    }
    const sy = dot(s, yv);
    if (sy > 1e-12) {
      if (S.length === m) {
        S.shift();
        Y.shift();
        rho.shift();
      }
      S.push(s);
      Y.push(yv);
      rho.push(1 / sy);
    }
    x.set(xNew);
    g.set(gNew);
    const df = f - fNew;
    f = fNew;
    if (Math.sqrt(dot(g, g)) < 1e-5 * Math.max(g0, 1) || df < 1e-10 * Math.max(1, Math.abs(f))) {
      break;
    }
  }
  return x;
}

/** NB log-count ratios r_j = log((p_j/|p|) / (q_j/|q|)) with Laplace smoothing alpha. */
export function nbRatios(d: Dataset, alpha = 1): Float64Array {
  const p = new Float64Array(d.dim).fill(alpha);
  const q = new Float64Array(d.dim).fill(alpha);
  for (let i = 0; i < d.y.length; i++) {
    const target = d.y[i] ? p : q;
    for (let k = d.ptr[i] as number; k < (d.ptr[i + 1] as number); k++) {
      const j = d.idx[k] as number;
      target[j] = (target[j] as number) + 1;
    }
  }
  let sp = 0;
  let sq = 0;
  for (let j = 0; j < d.dim; j++) {
    sp += p[j] as number;
    sq += q[j] as number;
  }
  const r = new Float64Array(d.dim);
  for (let j = 0; j < d.dim; j++) r[j] = Math.log((p[j] as number) / sp / ((q[j] as number) / sq));
  return r;
}

export interface Hyper {
  config: FeatureConfig;
  minCount: number;
  /** L2 strength of the plain LR; <= 0 disables it. */
  lambdaLr: number;
  /** L2 strength of the NB-SVM LR; <= 0 disables it. */
  lambdaNb: number;
  posWeight: number;
}

/**
 * Train the (ensemble) linear model; returns one effective weight per sparse and dense feature.
 * The NB-SVM member scales only the sparse features by their NB ratios; dense ones stay as they are.
 */
export function trainEnsemble(d: Dataset, h: Hyper): LinearModel {
  const parts: LinearModel[] = [];
  if (h.lambdaLr > 0) parts.push(trainLogReg(d, h.lambdaLr, { posWeight: h.posWeight }));
  if (h.lambdaNb > 0) {
    const r = nbRatios(d);
    const m = trainLogReg(d, h.lambdaNb, { scale: r, posWeight: h.posWeight });
    const w = new Float64Array(d.dim);
    for (let j = 0; j < d.dim; j++) w[j] = (m.w[j] as number) * (r[j] as number);
    parts.push({ w, v: m.v, b: m.b });
  }
  if (parts.length === 0) throw new Error("no model enabled");
  const w = new Float64Array(d.dim);
  const v = new Float64Array(d.denseDim);
  let b = 0;
  for (const p of parts) {
    for (let j = 0; j < d.dim; j++) w[j] = (w[j] as number) + (p.w[j] as number) / parts.length;
    for (let k = 0; k < d.denseDim; k++)
      v[k] = (v[k] as number) + (p.v[k] as number) / parts.length;
    b += p.b / parts.length;
  }
  return { w, v, b };
}

/** Probabilities of the given rows; `dense` holds their dense features in rowIds order. */
export function predictRows(
  feats: string[][],
  rowIds: number[],
  vocab: Map<string, number>,
  m: LinearModel,
  rowNorm: boolean,
  dense: Float64Array,
): Float64Array {
  const dd = m.v.length;
  const out = new Float64Array(rowIds.length);
  rowIds.forEach((r, k) => {
    let z = 0;
    const fs = feats[r] as string[];
    for (const f of fs) {
      const j = vocab.get(f);
      if (j !== undefined) z += m.w[j] as number;
    }
    z = m.b + z * (rowNorm ? rowScale(fs.length) : 1);
    for (let q = 0; q < dd; q++) z += (m.v[q] as number) * (dense[k * dd + q] as number);
    out[k] = 1 / (1 + Math.exp(-z));
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Dense features are standardised with the statistics of the rows a model is trained on.

export interface Standardiser {
  mean: Float64Array;
  sd: Float64Array;
}

export function fitStandardiser(features: Features, rowIds: number[]): Standardiser {
  const d = features.denseDim;
  const mean = new Float64Array(d);
  const sd = new Float64Array(d);
  for (const r of rowIds) {
    for (let k = 0; k < d; k++)
      mean[k] = (mean[k] as number) + (features.dense[r * d + k] as number);
  }
  for (let k = 0; k < d; k++) mean[k] = (mean[k] as number) / Math.max(rowIds.length, 1);
  for (const r of rowIds) {
    for (let k = 0; k < d; k++) {
      const x = (features.dense[r * d + k] as number) - (mean[k] as number);
      sd[k] = (sd[k] as number) + x * x;
    }
  }
  for (let k = 0; k < d; k++)
    sd[k] = Math.sqrt((sd[k] as number) / Math.max(rowIds.length, 1)) || 1;
  return { mean, sd };
}

/** Standardised dense features of the given rows, in rowIds order. */
export function standardise(features: Features, rowIds: number[], st: Standardiser): Float64Array {
  const out = denseRows(features, rowIds);
  const d = features.denseDim;
  for (let i = 0; i < rowIds.length; i++) {
    for (let k = 0; k < d; k++) {
      out[i * d + k] = ((out[i * d + k] as number) - (st.mean[k] as number)) / (st.sd[k] as number);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Model selection

/** Contiguous folds over the rows sorted by numeric sentence id (whole debates per fold). */
export function groupedFolds(rows: Ct24Row[], k: number): number[][] {
  const order = rows
    .map((_, i) => i)
    .sort((a, b) => {
      const d = Number((rows[a] as Ct24Row).id) - Number((rows[b] as Ct24Row).id);
      return d !== 0 ? d : a - b;
    });
  const folds: number[][] = [];
  for (let f = 0; f < k; f++) {
    folds.push(
      order.slice(Math.floor((f * order.length) / k), Math.floor(((f + 1) * order.length) / k)),
    );
  }
  return folds;
}

/** Train on `train` rows (vocabulary and standardisation from them too); the fitted pieces. */
export function fitOn(features: Features, labels: boolean[], train: number[], h: Hyper) {
  const vocab = buildVocab(features.sparse, train, h.minCount);
  const st = fitStandardiser(features, train);
  const d = buildDataset(
    features,
    labels,
    train,
    vocab,
    h.config.rowNorm,
    standardise(features, train, st),
  );
  return { vocab, st, model: trainEnsemble(d, h) };
}

/** Out-of-fold probabilities for every row. */
export function crossValidate(
  features: Features,
  labels: boolean[],
  folds: number[][],
  h: Hyper,
): Float64Array {
  const oof = new Float64Array(labels.length);
  for (let f = 0; f < folds.length; f++) {
    const test = folds[f] as number[];
    const train = folds.filter((_, g) => g !== f).flat();
    const { vocab, st, model } = fitOn(features, labels, train, h);
    const p = predictRows(
      features.sparse,
      test,
      vocab,
      model,
      h.config.rowNorm === true,
      standardise(features, test, st),
    );
    test.forEach((r, k) => {
      oof[r] = p[k] as number;
    });
  }
  return oof;
}
