/** Virtual time for the clock: "12.3 s", "4:05.0", "1:02:03". */
export function formatClock(ms: number): string {
  const totalSec = Math.max(0, ms) / 1000;
  if (totalSec < 60) return `${totalSec.toFixed(1)} s`;
  const h = Math.floor(totalSec / 3600);
  const m = Math.floor((totalSec % 3600) / 60);
  const s = totalSec % 60;
  const ss = s.toFixed(1).padStart(4, '0');
  return h > 0
    ? `${h}:${String(m).padStart(2, '0')}:${String(Math.floor(s)).padStart(2, '0')}`
    : `${m}:${ss}`;
}
