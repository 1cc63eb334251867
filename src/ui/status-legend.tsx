import { STATUS_WORDS } from '../store/index.ts';

/** What each status word on a node means, from the rules themselves (node-status.ts). */
export function StatusLegend() {
  return (
    <table className="shortcuts status-legend" data-testid="status-legend">
      <caption>Status words on the nodes (worst first: the first that holds is shown)</caption>
      <tbody>
        {STATUS_WORDS.map((s) => (
          <tr key={s.health}>
            <th scope="row" className={`status-legend__word status-legend__word--${s.health}`}>
              <span className="status-legend__dot" aria-hidden="true" />
              {s.words}
            </th>
            <td>{s.rule}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
