import { wilsonInterval } from './calibrate/interval.js';

/**
 * A share counted over independent units (clients, households), with its own interval (Wilson) and
 * against a reference share: the risk difference (Wald interval) and the risk ratio (interval on
 * the log scale). Shared by the subgroups of both path formats.
 */

/** The 97.5% quantile of the standard normal distribution: two-sided 95% intervals. */
export const Z975 = 1.959963984540054;

/** A share within a subgroup, and how it compares with the reference group. */
export interface SubgroupShare {
  /** Units counted (the share's denominator). */
  n: number;
  count: number;
  share: number | null;
  /** 95% Wilson score interval of the share (units are independent); absent without units. */
  interval?: [number, number];
  /** share − reference share, with a 95% (Wald) interval; absent for the reference itself or without data. */
  difference?: { value: number; interval: [number, number] };
  /** share / reference share, with a 95% (log) interval; absent when either share is 0. */
  ratio?: { value: number; interval: [number, number] };
}

/** A count over a denominator: the two numbers a share is made of. */
export interface Counted {
  n: number;
  count: number;
}

/** A share with its risk difference and ratio against a reference share (none against itself or an empty reference). */
export function compareShare(share: Counted, ref: Counted | undefined): SubgroupShare {
  const p = share.n === 0 ? null : share.count / share.n;
  const out: SubgroupShare = { n: share.n, count: share.count, share: p };
  const wilson = wilsonInterval(share.count, share.n);
  if (wilson) out.interval = wilson;
  if (!ref || ref === share || p === null || ref.n === 0) return out;
  const q = ref.count / ref.n;
  const se = Math.sqrt((p * (1 - p)) / share.n + (q * (1 - q)) / ref.n);
  out.difference = { value: p - q, interval: [p - q - Z975 * se, p - q + Z975 * se] };
  if (share.count > 0 && ref.count > 0) {
    const seLog = Math.sqrt(1 / share.count - 1 / share.n + 1 / ref.count - 1 / ref.n);
    const ratio = p / q;
    out.ratio = { value: ratio, interval: [ratio * Math.exp(-Z975 * seLog), ratio * Math.exp(Z975 * seLog)] };
  }
  return out;
}
