// Figures for people. Amounts arrive as integers in ppb (parts per billion of probability); a percent is
// ppb / 10,000,000, written out exactly (digit by digit, never through floating point), so 2373418 ppb reads
// 0.2373418 % and one ppb over the cap still shows.

const PPB_PER_PERCENT = 10_000_000;
const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** The exact percent of an integer amount in ppb: 2500000 → "0.25 %", -1 → "-0.0000001 %". */
export function percent(ppb) {
  const amount = Math.trunc(ppb);
  const magnitude = Math.abs(amount);
  const whole = Math.floor(magnitude / PPB_PER_PERCENT);
  const fraction = String(magnitude % PPB_PER_PERCENT).padStart(7, '0').replace(/0+$/, '');
  return `${amount < 0 ? '-' : ''}${whole}${fraction ? '.' + fraction : ''} %`;
}

/** An integer in full, grouped by thousands: 2373418 → "2,373,418". Never rounded. */
export function integer(value) {
  return GROUPED.format(value);
}

/** The exact amount for a tooltip: "2,373,418 ppb". */
export function ppb(value) {
  return `${integer(value)} ppb`;
}

/** An instant as the reader's local date and time, to the second. */
export function time(iso) {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}
