import { useEffect, useState } from 'react';
import { useApp, useStores, useTelemetry, type Banner } from '../store/index.ts';
import { stuckLines } from './stuck-lines.ts';

function BannerView({ banner }: { banner: Banner }) {
  const { app } = useStores();
  // An info banner waits while it is being read: pointer over it or focus inside it.
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const held = hovered || focused;
  useEffect(() => {
    if (banner.tone !== 'info' || !held) return;
    app.getState().holdBanner(banner.id, true);
    return () => app.getState().holdBanner(banner.id, false);
  }, [app, banner.id, banner.tone, held]);
  return (
    <div
      className={`banner banner--${banner.tone}`}
      role={banner.tone === 'error' ? 'alert' : 'status'}
      data-testid={`banner-${banner.tone}`}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
    >
      <span>{banner.message}</span>
      <button
        type="button"
        onClick={() => app.getState().dismissBanner(banner.id)}
        aria-label="Dismiss"
      >
        ×
      </button>
    </div>
  );
}

/**
 * Stuck nodes, said plainly while they are stuck (stuck-lines.ts): "Orders: all 4 workers
 * waiting on a partitioned call; 12 000 queued; no timeout is set". Not a live region: its
 * counts change every frame; the node's own name already reads "…, Stuck".
 */
function StuckBanner() {
  const nodes = useApp((s) => s.scenario.nodes);
  const text = useTelemetry((s) => stuckLines(nodes, s.statuses, s.nodes).join('\n'));
  if (!text) return null;
  return (
    <div className="banner banner--error banner--stuck" data-testid="banner-stuck">
      <span>
        {text.split('\n').map((line, i) => (
          <span key={i} className="banner__line">
            {line}
          </span>
        ))}
      </span>
    </div>
  );
}

/**
 * Errors and notices in their own row above the canvas (they push it down, never cover it):
 * errors stay until dismissed, one info banner at most, gone after a few seconds (banner-slice).
 * Text is plain (never markup from a link or file).
 */
export function Banners() {
  const banners = useApp((s) => s.banners);
  const engineError = useTelemetry((s) => s.error);
  return (
    <div className="banners" data-testid="banners">
      {engineError && (
        <div className="banner banner--error" role="alert" data-testid="banner-engine">
          {/* The whole sentence, as the host wrote it: what stopped the run and what to do. */}
          <span>{engineError}</span>
        </div>
      )}
      <StuckBanner />
      {banners.map((b) => (
        <BannerView key={b.id} banner={b} />
      ))}
    </div>
  );
}
