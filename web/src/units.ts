// EMBR amounts and block times, as emberctl reads and writes them.

/** Plancks in one EMBR: the token has 12 decimals. */
export const DECIMALS = 12;
const PLANCKS_PER_EMBR = 10n ** BigInt(DECIMALS);

/** `plancks` as EMBR, with trailing zeros of the fraction dropped: `2.5 EMBR`. */
export function formatEmbr(plancks: bigint, symbol = 'EMBR'): string {
  const negative = plancks < 0n;
  const abs = negative ? -plancks : plancks;
  const whole = abs / PLANCKS_PER_EMBR;
  const fraction = (abs % PLANCKS_PER_EMBR).toString().padStart(DECIMALS, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''} ${symbol}`;
}

/** Reads `2.5` or `2.5 EMBR` as plancks; throws with a message a person can act on. */
export function parseEmbr(text: string): bigint {
  let trimmed = text.trim();
  if (trimmed.endsWith('EMBR')) trimmed = trimmed.slice(0, -4).trim();
  if (!trimmed) throw new Error('an amount is required');
  const [whole, fraction = '', extra] = trimmed.split('.');
  if (extra !== undefined || (!whole && !fraction) || !/^\d*$/.test(whole) || !/^\d*$/.test(fraction)) {
    throw new Error(`\`${text}\` is not a decimal number of EMBR (e.g. \`2.5\`)`);
  }
  if (fraction.length > DECIMALS) throw new Error(`\`${text}\` has more than 12 decimals: EMBR has 12`);
  const plancks = BigInt(whole || '0') * PLANCKS_PER_EMBR + BigInt((fraction || '').padEnd(DECIMALS, '0'));
  if (plancks >= 2n ** 128n) throw new Error(`\`${text}\` is too large`);
  return plancks;
}

/** A number of blocks as time at `secondsPerBlock`: `2 h 30 min`. */
export function blocksAsTime(blocks: number, secondsPerBlock: number): string {
  const minutes = Math.round((blocks * secondsPerBlock) / 60);
  if (minutes < 1) return `${Math.max(0, Math.round(blocks * secondsPerBlock))} s`;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 48) return rest ? `${hours} h ${rest} min` : `${hours} h`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** What `count` GPUs cost for `blocks` blocks at `pricePerGpuHour`, rounded up as the chain holds it. */
export function costOf(pricePerGpuHour: bigint, count: number, blocks: number, blocksPerHour: number): bigint {
  const per = BigInt(Math.max(1, blocksPerHour));
  const numerator = pricePerGpuHour * BigInt(count) * BigInt(blocks);
  return (numerator + per - 1n) / per;
}
