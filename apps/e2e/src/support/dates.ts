// French dates as the app shows them (the e2e project imports no library: see its Nx tags).

/** "29/11/2026" for "2026-11-29". */
export function frenchDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** "dimanche 29/11/2026" for "2026-11-29". */
export function frenchDayDate(date: string): string {
  const weekday = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'][new Date(`${date}T12:00:00Z`).getUTCDay()];
  return `${weekday} ${frenchDate(date)}`;
}
