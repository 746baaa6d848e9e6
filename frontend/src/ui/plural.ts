// Counts as people read them.

/** plural says a count with its noun: "1 payout", "3 payouts", "1,200 lines". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`
