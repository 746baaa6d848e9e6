// Two-decimal amount strings as integer cents (BigInt: never a float near money), and back.
export function cents(s: string): bigint {
  const [whole, frac = ''] = s.replace('-', '').split('.')
  const v = BigInt(whole + (frac + '00').slice(0, 2))
  return s.startsWith('-') ? -v : v
}
export function text(c: bigint): string {
  const neg = c < 0n
  const a = (neg ? -c : c).toString().padStart(3, '0')
  return `${neg ? '-' : ''}${a.slice(0, -2)}.${a.slice(-2)}`
}
